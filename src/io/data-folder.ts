import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { DataError } from '../core/errors.js';
import type { DatedFile } from '../core/periods.js';
import { peekFileDate } from './readers/read-dataset.js';

const DATA_EXTENSIONS = /\.(xlsx|xls|csv|html?)$/i;

/** The score files of a data folder with their evaluation dates; undated files are reported apart. */
export async function scanDataFolder(dir: string, config: Config): Promise<{ files: DatedFile[]; undated: string[] }> {
  if (!existsSync(dir)) {
    throw new DataError(`Không tìm thấy thư mục dữ liệu ${dir} (chỉ định bằng --data THƯ_MỤC hoặc --input TỆP)`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new DataError(`${dir} là một tệp, không phải thư mục dữ liệu: dùng --input ${dir} để đọc đúng tệp này`);
  }
  const files: DatedFile[] = [];
  const undated: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!DATA_EXTENSIONS.test(name) || name.startsWith('~$') || name.startsWith('.')) continue;
    const path = join(dir, name);
    let date: string | null;
    try {
      date = await peekFileDate(path, config);
    } catch (e) {
      // One unreadable file must not stop the work on the others; it is named as undated.
      if (!(e instanceof DataError)) throw e;
      date = null;
    }
    if (date) files.push({ path, date });
    else undated.push(path);
  }
  return { files, undated };
}
