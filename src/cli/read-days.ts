import type { Config } from '../config/schema.js';
import { DataError, UsageError } from '../core/errors.js';
import { formatShortDate } from '../core/format-vi.js';
import { newestFirst } from '../core/periods.js';
import { scanDataFolder } from '../io/data-folder.js';
import type { ReadReport } from '../io/produce.js';
import type { CliIO } from './context.js';
import { dataDirOf, readAndEvaluate, readNotes, type Evaluated, type InputOptions } from './pipeline.js';
import { userPath } from './user-path.js';

/** Reading for a document on one day's data compared with an earlier day's (the low-score letter). */

interface DayInputs {
  files: string[];
  /** The file's date from the folder scan; null with --input. */
  date: string | null;
  note: string;
}

/** The score file of one day: --input, else the file of that date in the data folder (the latest without a date). */
async function inputsOfDay(
  what: string,
  date: string | undefined,
  explicit: string[] | undefined,
  opts: { data?: string | undefined },
  config: Config,
  io: CliIO,
): Promise<DayInputs> {
  if (explicit?.length) {
    return { files: explicit.map((f) => userPath(io, f)), date: null, note: `${what}: ${explicit.join(', ')} (theo tùy chọn)` };
  }
  const dir = dataDirOf(opts, config, io);
  const { files } = await scanDataFolder(dir, config);
  const sorted = newestFirst(files);
  if (date) {
    const same = sorted.filter((f) => f.date === date);
    if (same.length === 0) {
      const near = [...new Set(sorted.map((f) => formatShortDate(f.date)))].slice(0, 8).reverse();
      throw new DataError(
        `Không có tệp dữ liệu ngày ${formatShortDate(date)} trong ${dir}${near.length ? ` (có các ngày: ${near.join(', ')})` : ''}. Dùng --input TỆP để chỉ định.`,
      );
    }
    const f = same[0]!;
    return { files: [f.path], date: f.date, note: `${what}: ${f.path} (ngày ${formatShortDate(f.date)})` };
  }
  const f = sorted[0];
  if (!f) throw new DataError(`Không có tệp dữ liệu có ngày nào trong ${dir}. Dùng --date YYYY-MM-DD hoặc --input TỆP.`);
  return { files: [f.path], date: f.date, note: `${what}: ${f.path} (ngày ${formatShortDate(f.date)}, tệp mới nhất)` };
}

export interface DaysData extends ReadReport {
  current: Evaluated;
  /** The earlier day's data (--since or --previous); null without. */
  since: Evaluated | null;
}

/** The day's data (--date or --input, else the newest file) and, with --since or --previous, the earlier day's. */
export async function readDays(opts: InputOptions & { since?: string | undefined }, config: Config, io: CliIO): Promise<DaysData> {
  const day = await inputsOfDay('Dữ liệu', opts.date, opts.input, opts, config, io);
  const current = await readAndEvaluate(day.files, opts, config, day.date);
  let since: Evaluated | null = null;
  let sinceNote: string | null = null;
  if (opts.since || opts.previous?.length) {
    const ref = await inputsOfDay('Dữ liệu so sánh', opts.since, opts.previous, opts, config, io);
    since = await readAndEvaluate(ref.files, { sheet: opts.sheet, date: opts.since }, config, ref.date);
    sinceNote = ref.note;
    if (since.evaluation.date >= current.evaluation.date) {
      throw new UsageError(
        `--since phải là một ngày trước ngày của dữ liệu (${formatShortDate(current.evaluation.date)}); nhận được ${formatShortDate(since.evaluation.date)}`,
      );
    }
  }
  const read = readNotes(current, since);
  return {
    current,
    since,
    notes: [day.note, ...(sinceNote ? [sinceNote] : []), ...read.notes],
    warnings: [...current.evaluation.warnings, ...(since?.evaluation.warnings ?? [])],
    skippedSheets: read.skippedSheets,
    summary: { inputs: { current: day.files, since: since ? since.evaluation.date : null } },
  };
}
