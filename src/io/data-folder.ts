import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
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
 * The score files among the names in folder `dir`, sorted, as paths by the system's rules (`paths`:
 * path.win32 in the tests of Windows folders). Office lock files (~$name.xlsx, made while Excel has
 * the file open) and hidden files are not data.
 */
export function dataFilePaths(dir: string, names: readonly string[], paths: Pick<typeof path, 'join'> = path): string[] {
  return names
    .filter((name) => DATA_EXTENSIONS.test(name) && !name.startsWith('~$') && !name.startsWith('.'))
    .sort()
    .map((name) => paths.join(dir, name));
}

/**
 * The score files of a data folder with their evaluation dates (by the reader's rule: title, else
 * name); undated files are reported apart, a file whose title gives two dates with the reason.
 */
export async function scanDataFolder(dir: string, config: Config): Promise<{ files: DatedFile[]; undated: string[] }> {
  const files: DatedFile[] = [];
  const undated: string[] = [];
  for (const file of scoreFilePaths(dir)) {
    let date: FileDate;
    try {
      date = await peekFileDate(file, config);
    } catch (e) {
      // One unreadable file must not stop the work on the others; it is named as undated.
      if (!(e instanceof DataError)) throw e;
      date = { kind: 'undated' };
    }
    if (date.kind === 'dated') files.push({ path: file, date: date.date });
    else if (date.kind === 'ambiguous') undated.push(`${file} (${undatedReason(date)})`);
    else undated.push(file);
  }
  return { files, undated };
}

/** The score files of the data folder `dir` (dataFilePaths; hidden files include the history's cache). */
export function scoreFilePaths(dir: string): string[] {
  ensureDataFolder(dir);
  return dataFilePaths(dir, readdirSync(dir));
}

const PAR_SIPAS_FILE = /par[-_ ]?sipas.*\.(ya?ml|json|xlsx)$/i;

/** The PAR Index / SIPAS figures file of a data folder: the only one, or the one naming `year`. */
export function findParSipasFile(dir: string, year: number | undefined): string {
  ensureDataFolder(dir);
  return parSipasFileOf(dir, readdirSync(dir), year);
}

/** findParSipasFile on the names in folder `dir`; `paths`: the system's path rules. */
export function parSipasFileOf(dir: string, names: readonly string[], year: number | undefined, paths: Pick<typeof path, 'join'> = path): string {
  const found = names.filter((f) => PAR_SIPAS_FILE.test(f)).sort();
  const withYear = year === undefined ? found : found.filter((f) => f.includes(String(year)));
  const pick = withYear.length === 1 ? withYear : found.length === 1 ? found : [];
  if (pick.length === 1) return paths.join(dir, pick[0]!);
  throw new DataError(
    found.length === 0
      ? `Không có tệp số liệu PAR Index, SIPAS (par-sipas-NĂM.yaml, .json hoặc .xlsx) trong ${dir}; dùng --input TỆP.`
      : `Có nhiều tệp số liệu PAR Index, SIPAS trong ${dir} (${found.join(', ')}); dùng --input TỆP.`,
  );
}
