import { join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { appendixMentionProblem, type Issue } from '../core/documents/common.js';
import type { DocumentModel } from '../core/documents/model.js';
import { DataError } from '../core/errors.js';
import { evaluate, type Evaluation } from '../core/evaluation.js';
import { formatShortDate } from '../core/format-vi.js';
import { comparePeriods, periodDataWarning, type PeriodComparison } from '../core/period-comparison.js';
import { chooseFile, CLOSING_WINDOW_DAYS, periodLabel, previousPeriod, type Period } from '../core/periods.js';
import { summarize } from '../core/summary.js';
import type { PeriodKind } from '../core/sheet-choice.js';
import type { Dataset, SkippedSheet, Warning } from '../core/types.js';
import { scanDataFolder } from '../io/data-folder.js';
import { renderDocx } from '../io/docx/render.js';
import { ensureWritable, writeFileAtomic } from '../io/output-file.js';
import { acquireOutputLock } from '../io/output-lock.js';
import { readDataset } from '../io/readers/read-dataset.js';
import { TemplateSet } from '../io/templates.js';
import { describeWarning, settingsOf, type CliIO } from './context.js';
import { DEFAULT_LOCK_WAIT_SECONDS } from './options.js';

/** Read → compute → write steps that every document command shares. */

export interface InputOptions {
  data?: string | undefined;
  input?: string[] | undefined;
  previous?: string[] | undefined;
  sheet: { name: string; level?: 'tinh' | 'so' | 'huyen' | 'xa' }[];
  date?: string | undefined;
}

export interface ChosenInputs {
  current: string[];
  previous: string[] | null;
  /** Date known from the folder scan, used when the file itself gives none. */
  currentDate: string | null;
  /** Lines telling the user which files were chosen and why. */
  notes: string[];
}

/** The files of a period and of the one before it: --input/--previous, else chosen in the data folder. */
export async function chooseInputs(
  period: Period,
  prev: Period | null,
  opts: InputOptions,
  config: Config,
  io: CliIO,
): Promise<ChosenInputs> {
  if (opts.input?.length) {
    return {
      current: opts.input.map((f) => resolve(io.cwd, f)),
      previous: opts.previous?.length ? opts.previous.map((f) => resolve(io.cwd, f)) : null,
      currentDate: null,
      notes: [`Dữ liệu ${periodLabel(period)}: ${opts.input.join(', ')} (theo --input)`],
    };
  }
  const dir = dataDirOf(opts, config, io);
  const { files, undated } = await scanDataFolder(dir, config);
  const cur = chooseFile(period, files);
  if (!cur) {
    throw new DataError(
      `Không có tệp dữ liệu nào trong ${dir} cho ${periodLabel(period)} (cần tệp có ngày trong kỳ${
        period.kind === 'week' ? '' : `, hoặc trong ${CLOSING_WINDOW_DAYS} ngày sau khi kỳ kết thúc`
      }). Dùng --input TỆP để chỉ định.`,
    );
  }
  const notes = [`Dữ liệu ${periodLabel(period)}: ${cur.file.path} (ngày ${formatShortDate(cur.file.date)}, ${cur.reason})`];
  if (undated.length) notes.push(`Bỏ qua vì không xác định được ngày hoặc không đọc được: ${undated.join(', ')}`);
  let previous: string[] | null = null;
  if (opts.previous?.length) {
    previous = opts.previous.map((f) => resolve(io.cwd, f));
    notes.push(`Dữ liệu kỳ trước: ${opts.previous.join(', ')} (theo --previous)`);
  } else if (prev) {
    // The previous period's file is older than the current one: never the same file twice.
    const p = chooseFile(prev, files.filter((f) => f.date < cur.file.date));
    if (p) {
      previous = [p.file.path];
      notes.push(`Dữ liệu ${periodLabel(prev)}: ${p.file.path} (ngày ${formatShortDate(p.file.date)}, ${p.reason})`);
    }
  }
  return { current: [cur.file.path], previous, currentDate: cur.file.date, notes };
}

export interface Evaluated {
  dataset: Dataset;
  evaluation: Evaluation & { date: string };
}

/** A dataset with no score sheet is an error that lists the sheets passed over and why. */
export function ensureScores(dataset: Dataset): void {
  if (dataset.sheets.length > 0) return;
  const skipped = dataset.skippedSheets.map((k) => `\n  - ${k.file}, sheet "${k.sheet}": ${k.reason}`).join('');
  throw new DataError(`Không đọc được bảng điểm nào trong ${dataset.files.join(', ')}.${skipped}`);
}

/** Reads files and evaluates them; the evaluation date must be known. */
export async function readAndEvaluate(
  files: string[],
  opts: { sheet: InputOptions['sheet']; date?: string | undefined; period?: PeriodKind | undefined },
  config: Config,
  fallbackDate: string | null,
): Promise<Evaluated> {
  const dataset = await readDataset(files, {
    config,
    sheets: opts.sheet,
    ...(opts.date ? { date: opts.date } : {}),
    ...(opts.period ? { period: opts.period } : {}),
  });
  ensureScores(dataset);
  const evaluation = evaluate(dataset, settingsOf(config));
  const date = evaluation.date ?? fallbackDate;
  if (!date) {
    throw new DataError(`Không xác định được ngày đánh giá của ${files.join(', ')}; dùng --date YYYY-MM-DD.`);
  }
  return { dataset, evaluation: { ...evaluation, date } };
}

/** Options every document command shares, as the zod schemas give them. */
export interface OutputOptions {
  out?: string | undefined;
  templates?: string | undefined;
  number?: number | undefined;
  issued?: string | undefined;
  signer?: string | undefined;
  force: boolean;
  /** Seconds to wait for another run writing into the same folder. */
  lockWait?: number | undefined;
}

/** How writeDocuments waits for another run writing into the same folder. */
export interface LockWait {
  seconds: number;
  /** Told when the folder is busy and the run starts waiting. */
  tell: (message: string) => void;
}

export function lockWaitOf(opts: OutputOptions, io: CliIO): LockWait {
  return { seconds: opts.lockWait ?? DEFAULT_LOCK_WAIT_SECONDS, tell: io.stderr };
}

export function issueOf(opts: OutputOptions): Omit<Issue, 'fallback'> {
  return {
    ...(opts.number !== undefined ? { number: opts.number } : {}),
    ...(opts.issued ? { issued: opts.issued } : {}),
    ...(opts.signer ? { signer: opts.signer } : {}),
  };
}

export function templatesOf(opts: OutputOptions, io: CliIO): TemplateSet {
  return new TemplateSet(opts.templates && resolve(io.cwd, opts.templates));
}

export function dataDirOf(opts: { data?: string | undefined }, config: Config, io: CliIO): string {
  return resolve(io.cwd, opts.data ?? config.dataDir);
}

export function outDirOf(opts: OutputOptions, config: Config, io: CliIO): string {
  return resolve(io.cwd, opts.out ?? config.outDir);
}

/**
 * Renders every document, then writes each atomically; returns their paths. Existing files are
 * refused before any work, and nothing is written until all are rendered. One run at a time
 * writes into a folder: another run's lock is waited for (src/io/output-lock.ts).
 */
export async function writeDocuments(
  docs: { model: DocumentModel; name: string }[],
  dir: string,
  force: boolean,
  lock: LockWait = { seconds: DEFAULT_LOCK_WAIT_SECONDS, tell: () => {} },
): Promise<string[]> {
  const files = docs.map((d) => join(dir, d.name));
  const twice = files.find((f, i) => files.indexOf(f) !== i);
  if (twice) throw new DataError(`Hai văn bản trùng tên tệp ${twice}; không ghi văn bản nào.`);
  for (const f of files) ensureWritable(f, force);
  for (const d of docs) {
    const problem = appendixMentionProblem(d.model);
    if (problem) throw new DataError(`${d.name}: ${problem}; không ghi văn bản nào. Sửa mẫu văn bản hoặc dữ liệu.`);
  }
  const release = await acquireOutputLock(dir, { waitMs: lock.seconds * 1000, onWait: lock.tell });
  try {
    // Checked again under the lock: the run we waited for may have written the same file.
    for (const f of files) ensureWritable(f, force);
    const buffers = await Promise.all(docs.map((d) => renderDocx(d.model)));
    files.forEach((f, i) => writeFileAtomic(f, buffers[i]!, force));
  } finally {
    release();
  }
  return files;
}

export function printWarnings(warnings: Warning[], io: CliIO): void {
  if (!warnings.length) return;
  io.stderr(`Cảnh báo (${warnings.length}):\n${warnings.map((w) => `  - ${describeWarning(w)}`).join('\n')}\n`);
}

/** A period's data and the previous period's, read and evaluated, with what the user should know. */
export interface PeriodData {
  inputs: ChosenInputs;
  current: Evaluated;
  previous: Evaluated | null;
  /** The document's one comparison, labelled by the earlier data read; null without them. */
  comparison: PeriodComparison | null;
  warnings: Warning[];
  /** The files chosen, then the reader's choices (the sheet taken for the period). */
  notes: string[];
  /** Sheets of the current and previous files that were not read, each with why. */
  skippedSheets: SkippedSheet[];
}

/** What the reading of a document's datasets tells the user besides warnings: notes and skipped sheets. */
export function readNotes(...read: (Evaluated | null)[]): { notes: string[]; skippedSheets: SkippedSheet[] } {
  const datasets = read.flatMap((e) => (e ? [e.dataset] : []));
  return {
    notes: datasets.flatMap((d) => d.notes ?? []),
    skippedSheets: datasets.flatMap((d) => d.skippedSheets),
  };
}

/** Chooses, reads and evaluates the files of a period and of the one before it. */
export async function readPeriod(
  period: Period,
  opts: InputOptions,
  config: Config,
  io: CliIO,
  documentName: string,
): Promise<PeriodData> {
  const prev = previousPeriod(period);
  const inputs = await chooseInputs(period, prev, opts, config, io);
  const current = await readAndEvaluate(inputs.current, { ...opts, period: period.kind }, config, inputs.currentDate);
  const previous = inputs.previous
    ? await readAndEvaluate(inputs.previous, { sheet: opts.sheet, period: prev.kind }, config, null)
    : null;
  const warnings = [...current.evaluation.warnings, ...(previous?.evaluation.warnings ?? [])];
  const outside = periodDataWarning(period, current.evaluation.date);
  if (outside) warnings.push(outside);
  let comparison: PeriodComparison | null = null;
  if (previous) {
    const compared = comparePeriods(period, current.evaluation, previous.evaluation);
    comparison = compared.result;
    warnings.push(...compared.warnings);
  } else {
    warnings.push({ message: `Không có dữ liệu kỳ trước (${periodLabel(prev)}): ${documentName} không có phần so sánh.` });
  }
  const read = readNotes(current, previous);
  return { inputs, current, previous, comparison, warnings, notes: [...inputs.notes, ...read.notes], skippedSheets: read.skippedSheets };
}

/** What --json tells of a period's data. */
export function periodSummary(period: Period, data: PeriodData): object {
  const s = summarize(data.current.dataset, data.current.evaluation, describeWarning);
  const c = data.comparison;
  return {
    inputs: { current: data.inputs.current, previous: data.inputs.previous },
    period: { ...period, label: periodLabel(period), date: data.current.evaluation.date },
    comparedWith: c ? { date: c.previousDate, label: c.label, previousPeriod: c.byPeriod } : null,
    levels: s.levels,
    province: s.province,
  };
}

/** What a command tells besides the files it wrote. */
export interface RunReport {
  /** Which data was used and why (stdout). */
  notes: string[];
  warnings: Warning[];
  /** Sheets of the files read that are not in the documents (stderr, with the warnings). */
  skippedSheets: SkippedSheet[];
}

/**
 * Prints what was written: one JSON object with --json; else the notes and the files on stdout,
 * the warnings and the sheets passed over on stderr.
 */
export function printResult(io: CliIO, json: boolean, kind: string, files: string[], run: RunReport, extra: object): void {
  if (json) {
    const out = { files, ...extra, notes: run.notes, warnings: run.warnings.map(describeWarning), skippedSheets: run.skippedSheets };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const written = files.length === 1 ? `Đã ghi ${kind}: ${files[0]}` : `Đã ghi ${files.length} ${kind}:\n${files.map((f) => `  ${f}`).join('\n')}`;
  io.stdout(`${[...run.notes, written].join('\n')}\n`);
  printWarnings(run.warnings, io);
  printSkippedSheets(run.skippedSheets, io);
}

export function printSkippedSheets(skipped: SkippedSheet[], io: CliIO): void {
  if (!skipped.length) return;
  io.stderr(`Sheet bỏ qua (${skipped.length}):\n${skipped.map((k) => `  - ${k.file}, sheet "${k.sheet}": ${k.reason}`).join('\n')}\n`);
}
