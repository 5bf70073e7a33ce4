import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { DataError } from '../core/errors.js';
import type { DatedFile } from '../core/periods.js';
import { undatedReason, type FileDate } from './readers/file-date.js';
import { peekFileDate } from './readers/read-dataset.js';

const DATA_EXTENSIONS = /\.(xlsx|xls|csv|html?)$/i;

export function ensureDataFolder(dir: string): void {
  if (!existsSync(dir)) {
    throw new DataError(`Không tìm thấy thư mục dữ liệu ${dir} (chỉ định bằng --data THƯ_MỤC hoặc --input TỆP)`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new DataError(`${dir} là một tệp, không phải thư mục dữ liệu: dùng --input ${dir} để đọc đúng tệp này`);
  }
}

/**
 * The score files of a data folder with their evaluation dates (by the reader's rule: title, else
 * name); undated files are reported apart, a file whose title gives two dates with the reason.
 */
export async function scanDataFolder(dir: string, config: Config): Promise<{ files: DatedFile[]; undated: string[] }> {
  const files: DatedFile[] = [];
  const undated: string[] = [];
  for (const path of scoreFilePaths(dir)) {
    let date: FileDate;
    try {
      date = await peekFileDate(path, config);
    } catch (e) {
      // One unreadable file must not stop the work on the others; it is named as undated.
      if (!(e instanceof DataError)) throw e;
      date = { kind: 'undated' };
    }
    if (date.kind === 'dated') files.push({ path, date: date.date });
    else if (date.kind === 'ambiguous') undated.push(`${path} (${undatedReason(date)})`);
    else undated.push(path);
  }
  return { files, undated };
}

/**
 * The paths of the score files of a data folder, by name: .xlsx, .xls, .csv, .htm(l), but not
 * Excel's lock files (~$…) and hidden files (the history's cache folder among them).
 */
export function scoreFilePaths(dir: string): string[] {
  ensureDataFolder(dir);
  return readdirSync(dir)
    .sort()
    .filter((name) => DATA_EXTENSIONS.test(name) && !name.startsWith('~$') && !name.startsWith('.'))
    .map((name) => join(dir, name));
}

const PAR_SIPAS_FILE = /par[-_ ]?sipas.*\.(ya?ml|json|xlsx)$/i;

/** The PAR Index / SIPAS figures file of a data folder: the only one, or the one naming `year`. */
export function findParSipasFile(dir: string, year: number | undefined): string {
  ensureDataFolder(dir);
  const found = readdirSync(dir).filter((f) => PAR_SIPAS_FILE.test(f)).sort();
  const withYear = year === undefined ? found : found.filter((f) => f.includes(String(year)));
  const pick = withYear.length === 1 ? withYear : found.length === 1 ? found : [];
  if (pick.length === 1) return join(dir, pick[0]!);
  throw new DataError(
    found.length === 0
      ? `Không có tệp số liệu PAR Index, SIPAS (par-sipas-NĂM.yaml, .json hoặc .xlsx) trong ${dir}; dùng --input TỆP.`
      : `Có nhiều tệp số liệu PAR Index, SIPAS trong ${dir} (${found.join(', ')}); dùng --input TỆP.`,
  );
}
