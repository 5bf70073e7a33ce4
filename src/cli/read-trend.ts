import { existsSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { CellErrors, DataError } from '../core/errors.js';
import { formatShortDate } from '../core/format-vi.js';
import { periodLabel, periodRange, recentPeriods, type DatedFile, type Period } from '../core/periods.js';
import { chooseTrendFiles, type TrendEntry } from '../core/trend.js';
import type { SkippedSheet, Warning } from '../core/types.js';
import { scanDataFolder } from '../io/data-folder.js';
import type { CliIO } from './context.js';
import { dataDirOf, readAndEvaluate, readNotes, type Evaluated, type InputOptions, type PeriodData } from './pipeline.js';

/**
 * The data of a report's trend ("Diễn biến"): the last periods of the report's kind, each with the
 * file `report` would choose for it, read and evaluated.
 *
 * This is the one place that reads them. The cached history of the data folder (src/core/history.ts,
 * src/io/history-cache.ts) is to take its place: the same question (the report's period, how many
 * periods, what is already read), the same TrendRead back; nothing else changes.
 */

/** How many periods the report's trend covers, its own included: 0 for none. */
export function trendLength(period: Period, asked: boolean, config: Config): number {
  const n = { week: config.trend.weeks, month: config.trend.months, quarter: config.trend.quarters, year: config.trend.years }[period.kind];
  return period.kind === 'week' && !asked ? 0 : n;
}

export interface TrendRead {
  /** Oldest first, ending with the report's period (its data: `data.current`). */
  entries: TrendEntry[];
  /** Which file was chosen for each earlier period, and the reader's notes on them. */
  notes: string[];
  warnings: Warning[];
  skippedSheets: SkippedSheet[];
}

/** Reads and evaluates one earlier period's file of a trend. */
export type ReadTrendFile = (file: DatedFile, period: Period) => Promise<Evaluated>;

/**
 * The trend of `report`: the data folder as the report's own data were chosen in it (scanned here
 * only after --input), each earlier file read with the report's --sheet.
 */
export async function readTrend(
  period: Period,
  count: number,
  data: Pick<PeriodData, 'inputs' | 'current' | 'previous' | 'comparison'>,
  opts: InputOptions,
  config: Config,
  io: CliIO,
): Promise<TrendRead> {
  const read: ReadTrendFile = (file, p) => readAndEvaluate([file.path], { sheet: opts.sheet, period: p.kind }, config, file.date);
  let files = data.inputs.folder;
  if (!files && count >= 2) {
    const dir = dataDirOf(opts, config, io);
    if (!existsSync(dir)) {
      // Only the report's own data: no earlier period, and not the comparison's either.
      const alone = await readTrendFrom(period, count, { current: data.current, previous: null, comparison: null }, [], read);
      return { ...alone, warnings: [{ message: `Diễn biến: không có thư mục dữ liệu ${dir} để tìm số liệu các kỳ trước.` }] };
    }
    files = (await scanDataFolder(dir, config)).files;
  }
  return readTrendFrom(period, count, data, files ?? [], read);
}

/**
 * The trend of `period` over `count` periods, ending with the report's data already read (`data`):
 * its own, and the previous period's when the report compares with them (so that the chart and the
 * comparison of the text agree). Each earlier period takes the file `report` would choose for it
 * among `files`, older than those, no file standing for two periods (core/trend.ts
 * chooseTrendFiles). A period without a file, or whose file cannot be read, has no data (a gap,
 * with a warning for the unreadable file).
 */
export async function readTrendFrom(
  period: Period,
  count: number,
  data: Pick<PeriodData, 'current' | 'previous' | 'comparison'>,
  files: readonly DatedFile[],
  read: ReadTrendFile,
): Promise<TrendRead> {
  const periods = recentPeriods(period, count);
  const entries: TrendEntry[] = periods.map((p) => ({ period: p, evaluation: null }));
  entries[entries.length - 1]!.evaluation = data.current.evaluation;
  const out: TrendRead = { entries, notes: [], warnings: [], skippedSheets: [] };
  if (count < 2) return out;
  // The previous period's data, when the report's comparison says they are that period's.
  let known = periods.length - 1;
  if (data.previous && data.comparison?.byPeriod) entries[--known]!.evaluation = data.previous.evaluation;
  const chosen = chooseTrendFiles(periods.slice(0, known), files, entries[known]!.evaluation!.date);
  for (const [i, { choice, standsFor }] of chosen.entries()) {
    const p = periods[i]!;
    if (standsFor) {
      const { file, period: other } = standsFor;
      out.notes.push(`Dữ liệu diễn biến ${periodLabel(p)}: không có (tệp ${file.path}, ngày ${formatShortDate(file.date)}, là dữ liệu của ${periodLabel(other)})`);
    }
    if (!choice) continue;
    let evaluated: Evaluated;
    try {
      evaluated = await read(choice.file, p);
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      out.warnings.push({
        message: `Diễn biến: không đọc được dữ liệu ${periodLabel(p)}, kỳ này để trống trên biểu đồ và trong Phụ lục diễn biến: ${
          e instanceof CellErrors ? e.located() : e.message
        }`,
      });
      continue;
    }
    const notes = readNotes(evaluated);
    out.notes.push(`Dữ liệu diễn biến ${periodLabel(p)}: ${choice.file.path} (ngày ${formatShortDate(choice.file.date)}, ${choice.reason})`, ...notes.notes);
    out.skippedSheets.push(...notes.skippedSheets);
    out.warnings.push(...evaluated.evaluation.warnings);
    entries[i]!.evaluation = evaluated.evaluation;
  }
  return out;
}

/** The files a trend of `count` periods ending with `period` may read: every file dated from its first period's start to `until`. */
export function trendFileSpan(period: Period, count: number, files: readonly DatedFile[], until: string): DatedFile[] {
  if (count < 2) return [];
  const from = periodRange(recentPeriods(period, count)[0]!).start;
  return files.filter((f) => f.date >= from && f.date <= until);
}

/** A period's read data with its trend's notes, warnings and skipped sheets after its own. */
export function withTrend<R extends Pick<PeriodData, 'notes' | 'warnings' | 'skippedSheets'>>(data: R, trend: TrendRead | null): R {
  if (!trend) return data;
  return {
    ...data,
    notes: [...data.notes, ...trend.notes],
    warnings: [...data.warnings, ...trend.warnings],
    skippedSheets: [...data.skippedSheets, ...trend.skippedSheets],
  };
}
