/**
 * The one rule for a score file's date, used by the data-folder scan and by the reader alike: the
 * date its title rows give, else the date in its name (shared/spec/inputs.md §5). A title and a
 * name that disagree give one warning; title rows that give two different dates give no date.
 */
import path from 'node:path';
import { DataError } from '../../core/errors.js';
import { formatShortDate } from '../../core/format-vi.js';
import type { Warning } from '../../core/types.js';
import { filenameDate } from '../table/dates.js';
import type { TitleDate, TitleDateCandidate } from '../table/title-date.js';

/** The title date of one sheet read as a score table. */
export interface SheetTitleDate {
  sheet: string;
  title: TitleDate;
}

export type FileDate =
  | { kind: 'dated'; date: string; source: 'title' | 'filename'; warnings: Warning[] }
  | { kind: 'undated' }
  | { kind: 'ambiguous'; sheet: string; candidates: TitleDateCandidate[] };

/**
 * The date of `file` from the title dates of its score sheets (in sheet order) and its name;
 * `paths`: the system's path rules (path.win32 in the tests of Windows paths).
 */
export function decideFileDate(file: string, sheets: readonly SheetTitleDate[], paths: Pick<typeof path, 'basename'> = path): FileDate {
  const ambiguous = sheets.find((s) => s.title.kind === 'ambiguous');
  if (ambiguous?.title.kind === 'ambiguous') {
    return { kind: 'ambiguous', sheet: ambiguous.sheet, candidates: ambiguous.title.candidates };
  }
  const warnings: Warning[] = [];
  const titled = sheets.flatMap((s) => (s.title.kind === 'one' ? [{ sheet: s.sheet, date: s.title.date }] : []));
  const first = titled[0];
  const other = titled.find((t) => t.date !== first?.date);
  if (first && other) {
    warnings.push({
      message:
        `${file}: các sheet ghi ngày khác nhau trong tiêu đề (sheet "${first.sheet}": ${formatShortDate(first.date)}, ` +
        `sheet "${other.sheet}": ${formatShortDate(other.date)}); dùng ${formatShortDate(first.date)}`,
    });
  }
  const named = filenameDate(file, paths);
  if (first) {
    if (named && named !== first.date) {
      warnings.push({
        message: `${file}: ngày trong tiêu đề (${formatShortDate(first.date)}) khác ngày trong tên tệp (${formatShortDate(named)}); dùng ngày trong tiêu đề`,
      });
    }
    return { kind: 'dated', date: first.date, source: 'title', warnings };
  }
  return named ? { kind: 'dated', date: named, source: 'filename', warnings } : { kind: 'undated' };
}

/** Why an ambiguous file has no date, after "file, sheet X: ". */
function ambiguityText(date: Extract<FileDate, { kind: 'ambiguous' }>): string {
  const found = date.candidates.map((c) => `dòng ${c.row} "${c.text}": ${formatShortDate(c.date)}`).join('; ');
  return `tiêu đề ghi ${date.candidates.length} ngày số liệu khác nhau (${found})`;
}

/** The located refusal of a file whose title gives two dates, when --date does not settle it. */
export function ambiguousDateError(file: string, date: Extract<FileDate, { kind: 'ambiguous' }>): DataError {
  return new DataError(
    `${file}, sheet "${date.sheet}": ${ambiguityText(date)}; không biết số liệu là của ngày nào. ` +
      'Dùng --date YYYY-MM-DD để chỉ định ngày đánh giá.',
  );
}

/** A short reason for listing a file as undated in a folder scan. */
export function undatedReason(date: FileDate): string {
  if (date.kind === 'ambiguous') return `sheet "${date.sheet}": ${ambiguityText(date)}`;
  return 'không có ngày trong tiêu đề hay tên tệp';
}
