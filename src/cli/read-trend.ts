import { existsSync } from 'node:fs';
import type { Config } from '../config/schema.js';
import { DataError } from '../core/errors.js';
import { formatShortDate } from '../core/format-vi.js';
import { choiceWindow, chooseFile, CLOSING_WINDOW_DAYS, periodLabel, periodRange, previousPeriod, recentPeriods, type Period } from '../core/periods.js';
import type { TrendEntry } from '../core/trend.js';
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

/**
 * The trend of `period` over `count` periods, ending with the report's data already read (`data`;
 * its previous period's file, when read, is not read again). Each earlier period takes the file
 * chosen by the rule of `report` (core/periods.ts chooseFile) among the files older than the one of
 * the period after it, so no file stands for two periods. A period without a file, or whose file
 * cannot be read, has no data (a gap, with a warning for the unreadable file).
 */
export async function readTrend(
  period: Period,
  count: number,
  data: Pick<PeriodData, 'inputs' | 'current' | 'previous'>,
  opts: InputOptions,
  config: Config,
  io: CliIO,
): Promise<TrendRead> {
  const periods = recentPeriods(period, count);
  const entries: TrendEntry[] = periods.map((p) => ({ period: p, evaluation: null }));
  entries[entries.length - 1]!.evaluation = data.current.evaluation;
  const out: TrendRead = { entries, notes: [], warnings: [], skippedSheets: [] };
  if (count < 2) return out;

  // The folder as the report's own data were chosen in it; scanned here only after --input.
  let files = data.inputs.folder;
  if (!files) {
    const dir = dataDirOf(opts, config, io);
    if (!existsSync(dir)) {
      out.warnings.push({ message: `Diễn biến: không có thư mục dữ liệu ${dir} để tìm số liệu các kỳ trước.` });
      return out;
    }
    files = (await scanDataFolder(dir, config)).files;
  }
  const known = new Map<string, Evaluated>();
  if (data.previous && data.inputs.previous?.length === 1) known.set(data.inputs.previous[0]!, data.previous);

  // Walked from the report's period back, each period's notes put in front: oldest first in the end.
  const notes: string[][] = [];
  let before = data.current.evaluation.date;
  for (let i = periods.length - 2; i >= 0; i--) {
    const p = periods[i]!;
    const choice = chooseFile(p, files.filter((f) => f.date < before));
    if (!choice) continue;
    before = choice.file.date;
    const prev = previousPeriod(p);
    if (choice.file.date <= periodRange(p).end && choice.file.date <= choiceWindow(prev).end) {
      // Taken as the period's own by the rule of `report`, but downloaded in the days after the one before.
      out.warnings.push({
        message:
          `Diễn biến: tệp ${choice.file.path} (ngày ${formatShortDate(choice.file.date)}) đứng cho ${periodLabel(p)} vì có ngày trong kỳ, ` +
          `nhưng cũng nằm trong ${CLOSING_WINDOW_DAYS} ngày sau ${periodLabel(prev)}, nên có thể là số liệu của ${periodLabel(prev)}: ` +
          `kiểm tra thư mục dữ liệu (thiếu tệp của ${periodLabel(p)}?).`,
      });
    }
    let evaluated = known.get(choice.file.path);
    if (!evaluated) {
      try {
        evaluated = await readAndEvaluate([choice.file.path], { sheet: opts.sheet, period: p.kind }, config, choice.file.date);
      } catch (e) {
        if (!(e instanceof DataError)) throw e;
        out.warnings.push({
          message: `Diễn biến: không đọc được dữ liệu ${periodLabel(p)} (${choice.file.path}), kỳ này để trống: ${e.message.split('\n')[0]}`,
        });
        continue;
      }
      const read = readNotes(evaluated);
      notes.unshift([`Dữ liệu diễn biến ${periodLabel(p)}: ${choice.file.path} (ngày ${formatShortDate(choice.file.date)}, ${choice.reason})`, ...read.notes]);
      out.skippedSheets.push(...read.skippedSheets);
      out.warnings.push(...evaluated.evaluation.warnings);
    }
    entries[i]!.evaluation = evaluated.evaluation;
  }
  out.notes = notes.flat();
  return out;
}
