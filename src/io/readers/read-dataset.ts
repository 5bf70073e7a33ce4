/**
 * Read the files of one evaluation date into a Dataset: sheets merged, one sheet per level, the
 * date from --date, else each file's own date (its title, else its name; file-date.ts), the newest
 * when they differ (shared/spec/inputs.md §4, §5).
 */
import type { Config } from '../../config/schema.js';
import { DataError, UsageError } from '../../core/errors.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import type { Dataset, DateSource, Level, ScoreSheet, Warning } from '../../core/types.js';
import { isoDate } from '../table/dates.js';
import { formatShortDate } from '../../core/format-vi.js';
import { type PeriodKind, preferPeriodSheets, PERIOD_KIND_WORDS } from '../../core/sheet-choice.js';
import { ambiguousDateError, type FileDate } from './file-date.js';
import { chosenLevels, interpretFile, requestMatches, settleFile, type FileRead, type FileSheets, type SheetSelection } from './read-score-file.js';

export { peekFileDate, readScoreFile, parseSheetRequest } from './read-score-file.js';
export type { FileRead, SheetRequest, SheetSelection } from './read-score-file.js';

export interface DatasetOptions {
  config: Config;
  sheets?: SheetSelection | undefined;
  /** `--date YYYY-MM-DD`: overrides the dates found in the files. */
  date?: string | undefined;
  /** The kind of period a document reports on: chooses between two sheets of one level by name. */
  period?: PeriodKind | undefined;
}

function checkIsoOption(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!iso) throw new UsageError(`--date "${date}": cần ngày dạng YYYY-MM-DD, ví dụ 2025-11-14`);
  return iso;
}

/**
 * Two sheets (in one file or several) of the same level that the period did not settle: stop,
 * name them, and give the --sheet options to type.
 */
export function checkLevelConflicts(sheets: ScoreSheet[], period?: PeriodKind): void {
  const byLevel = new Map<Level, ScoreSheet[]>();
  for (const s of sheets) {
    const list = byLevel.get(s.level) ?? [];
    list.push(s);
    byLevel.set(s.level, list);
  }
  const conflicts = [...byLevel].filter(([, list]) => list.length > 1);
  if (conflicts.length === 0) return;
  const lines = conflicts.map(
    ([level, list]) =>
      `  - ${LEVEL_WORDING[level].short}: ${list.map((s) => `${s.file} (sheet "${s.sheet}", ${s.units.length} đơn vị)`).join('; ')}`,
  );
  const options = conflicts.map(
    ([level, list]) => `  - ${LEVEL_WORDING[level].short}: ${list.map((s) => `--sheet "${s.sheet}"`).join(' hoặc ')}`,
  );
  const words = Object.values(PERIOD_KIND_WORDS).map((w) => `"${w}"`);
  const why = period
    ? `Không sheet nào trong số này có "${PERIOD_KIND_WORDS[period]}" trong tên để chọn theo kỳ.\n`
    : `Lệnh report và letter tự chọn theo kỳ khi tên sheet có ${words.slice(0, -1).join(', ')} hoặc ${words.at(-1)}; lệnh này không có kỳ.\n`;
  throw new DataError(
    `Có nhiều bảng cùng một cấp, không biết dùng bảng nào:\n${lines.join('\n')}\n${why}` +
      `Hãy chọn một sheet cho mỗi cấp bằng --sheet (các sheet của cấp khác vẫn được đọc):\n${options.join('\n')}`,
  );
}

/**
 * Read and merge score files of one evaluation date. Throws UsageError for a bad --date or a
 * --sheet name found in no file, DataError for unreadable files and for two sheets of one level,
 * CellErrors for invalid cells (per file).
 */
export async function readDataset(paths: string[], opts: DatasetOptions): Promise<Dataset> {
  const optionDate = opts.date !== undefined && opts.date !== '' ? checkIsoOption(opts.date) : null;
  const files: FileSheets[] = [];
  for (const path of paths) files.push(await interpretFile(path, { config: opts.config, sheets: opts.sheets }));
  return datasetOf(paths, files, opts, optionDate);
}

/**
 * One file of a data folder read as one point of its history: its dataset (no --date, no
 * period) and its date as the folder scan gives it (peekFileDate), from one reading of the file
 * (of `bytes` when given). Throws as readDataset does.
 */
export async function readDatedFile(
  path: string,
  opts: { config: Config; sheets?: SheetSelection | undefined; bytes?: Buffer | undefined },
): Promise<{ dataset: Dataset; scanDate: FileDate }> {
  const file = await interpretFile(path, opts);
  return { dataset: datasetOf([path], [file], opts, null), scanDate: file.scanDate };
}

/** The files of one evaluation date, interpreted, as one dataset (readDataset's rules). */
function datasetOf(
  paths: string[],
  files: FileSheets[],
  opts: { sheets?: SheetSelection | undefined; period?: PeriodKind | undefined },
  optionDate: string | null,
): Dataset {

  for (const req of opts.sheets ?? []) {
    if (!files.some((f) => f.reads.some((r) => requestMatches(req, r.name)))) {
      const names = files.flatMap((f) => [...new Set(f.reads.map((r) => `"${r.name}"`))]);
      throw new UsageError(`--sheet "${req.name}": không có sheet này trong ${paths.join(', ')}; các sheet có: ${names.join(', ')}`);
    }
  }
  const chosen = chosenLevels(files);
  const reads: FileRead[] = files.map((f) => settleFile(f, chosen));

  const byPeriod = preferPeriodSheets(
    reads.flatMap((r) => r.sheets),
    opts.period,
  );
  const sheets = byPeriod.sheets;
  checkLevelConflicts(sheets, opts.period);
  const warnings: Warning[] = reads.flatMap((r) => r.warnings);

  // Each file's own date by the one rule (file-date.ts); --date settles a title with two dates.
  const fileDates: Array<{ file: string; date: string; source: 'title' | 'filename' }> = [];
  for (const r of reads) {
    if (r.date.kind === 'ambiguous' && !optionDate) throw ambiguousDateError(r.file, r.date);
    if (r.date.kind !== 'dated') continue;
    warnings.push(...r.date.warnings);
    fileDates.push({ file: r.file, date: r.date.date, source: r.date.source });
  }
  // The newest file's date; a title beats a name of the same date.
  const newest = [...fileDates].sort((x, y) =>
    x.date !== y.date ? (x.date < y.date ? 1 : -1) : x.source === y.source ? 0 : x.source === 'title' ? -1 : 1,
  )[0];
  const date = optionDate ?? newest?.date ?? null;
  const dateSource: DateSource = optionDate ? 'option' : (newest?.source ?? 'unknown');

  if (new Set(fileDates.map((f) => f.date)).size > 1) {
    warnings.push({
      message: `Các tệp ghi ngày khác nhau: ${fileDates.map((f) => `${f.file} (${formatShortDate(f.date)})`).join(', ')}; dùng ${date ? formatShortDate(date) : '?'}${optionDate ? ' (theo --date)' : ''}`,
    });
  }

  return {
    date,
    dateSource,
    files: [...paths],
    sheets,
    skippedSheets: [...reads.flatMap((r) => r.skippedSheets), ...byPeriod.skipped],
    skippedRows: reads.flatMap((r) => r.skippedRows),
    warnings,
    notes: byPeriod.notes,
  };
}
