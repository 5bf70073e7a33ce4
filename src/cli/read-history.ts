import type { Config } from '../config/schema.js';
import { evaluate } from '../core/evaluation.js';
import { formatShortDate } from '../core/format-vi.js';
import { onePerDate, type HistoryPoint } from '../core/history.js';
import type { Warning } from '../core/types.js';
import { readHistoryFolder, type CacheReport, type SkippedFile } from '../io/history-folder.js';
import type { SheetSelection } from '../io/readers/read-score-file.js';
import { settingsOf, type CliIO } from './context.js';
import { dataDirOf } from './pipeline.js';

/** The history of a data folder (issue 10): one evaluated point per date, oldest first. */
export interface HistoryData {
  dir: string;
  points: HistoryPoint[];
  /** Files not in the history, each with why: unreadable, undated, or another file has its date. */
  skipped: SkippedFile[];
  cache: CacheReport;
  /** The cache could not be written (a read-only data folder): told once, the history is whole. */
  cacheWarning: Warning | null;
}

/**
 * Reads every score file of the data folder through the cache and evaluates it with this run's
 * configuration (bands, groups, province): one point per date, the file `report` would take when
 * two share a date.
 */
export async function readHistory(opts: { data?: string | undefined; sheet: SheetSelection }, config: Config, io: CliIO): Promise<HistoryData> {
  const dir = dataDirOf(opts, config, io);
  const folder = await readHistoryFolder(dir, { config, sheets: opts.sheet });
  const settings = settingsOf(config);
  const evaluated = folder.files.map((f) => ({ path: f.path, date: f.date, evaluation: evaluate(f.dataset, settings) }));
  const { points, sameDate } = onePerDate(evaluated);
  const skipped = [
    ...folder.skipped,
    ...sameDate.map((s) => ({ path: s.file.path, reason: `cùng ngày ${formatShortDate(s.file.date)} với ${s.kept.path}, dùng tệp đó` })),
  ];
  const cacheWarning = folder.cache.problem
    ? { message: `Không ghi được bộ nhớ đệm của lịch sử (${folder.cache.problem}); lịch sử vẫn đủ, chỉ chậm hơn vì mỗi lần chạy đọc lại mọi tệp.` }
    : null;
  return { dir, points, skipped, cache: folder.cache, cacheWarning };
}

/** The warnings of the points used (their reading and evaluation), then the cache's problem. */
export function historyWarnings(history: HistoryData, used: readonly HistoryPoint[]): Warning[] {
  return [...used.flatMap((p) => p.evaluation.warnings), ...(history.cacheWarning ? [history.cacheWarning] : [])];
}
