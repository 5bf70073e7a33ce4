import { resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Issue } from '../core/documents/common.js';
import { DataError } from '../core/errors.js';
import { evaluate, type Evaluation } from '../core/evaluation.js';
import { formatShortDate } from '../core/format-vi.js';
import { comparePeriods, periodDataWarning, type PeriodComparison } from '../core/period-comparison.js';
import { chooseFile, CLOSING_WINDOW_DAYS, periodLabel, previousPeriod, type DatedFile, type Period } from '../core/periods.js';
import type { PeriodKind } from '../core/sheet-choice.js';
import type { Dataset, SkippedSheet, Warning } from '../core/types.js';
import { scanDataFolder } from '../io/data-folder.js';
import { pdfPathOf } from '../io/pdf/convert.js';
import type { Output, Produced, ReadReport } from '../io/produce.js';
import { readDataset } from '../io/readers/read-dataset.js';
import { TemplateSet } from '../io/templates.js';
import { configFor, settingsOf, type CliIO } from './context.js';
import { convertToPdf } from './pdf-output.js';
import { printResult } from './print.js';

/** The reading steps of the document commands (a period's data and the one before it), and their setup. */

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
  /** The data folder's dated files when they were chosen there (not with --input): the trend chooses among them too. */
  folder?: DatedFile[];
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
  return { current: [cur.file.path], previous, currentDate: cur.file.date, notes, folder: files };
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
  /** Also write the PDF of each document. */
  pdf?: boolean | undefined;
  /** Seconds to wait for another run writing into the same folder. */
  lockWait: number;
}

export function issueOf(opts: OutputOptions): Omit<Issue, 'fallback'> {
  return {
    ...(opts.number !== undefined ? { number: opts.number } : {}),
    ...(opts.issued ? { issued: opts.issued } : {}),
    ...(opts.signer ? { signer: opts.signer } : {}),
  };
}

export function templatesOf(opts: OutputOptions, io: CliIO): Promise<TemplateSet> {
  return TemplateSet.open(opts.templates && resolve(io.cwd, opts.templates));
}

export function dataDirOf(opts: { data?: string | undefined }, config: Config, io: CliIO): string {
  return resolve(io.cwd, opts.data ?? config.dataDir);
}

export function outDirOf(opts: OutputOptions, config: Config, io: CliIO): string {
  return resolve(io.cwd, opts.out ?? config.outDir);
}

/** Prints what a run made, after writing the PDF of each document with --pdf (exit 4 if one is missing). */
export async function finish(
  io: CliIO,
  opts: { json: boolean; pdf: boolean; force: boolean },
  config: Config,
  noun: string,
  produced: Produced,
): Promise<void> {
  printResult(io, opts.json, noun, produced, opts.pdf ? await convertToPdf(produced.files, opts.force, config, io) : null);
}

/** The configuration and where the documents go: read before any data, as a bad one stops the run. */
export async function setUp(
  opts: OutputOptions & { config?: string | undefined; province?: string | undefined },
  io: CliIO,
): Promise<{ config: Config; output: Output }> {
  const config = configFor(opts, io);
  const templates = await templatesOf(opts, io);
  const beside = opts.pdf ? { beside: (docx: string) => [pdfPathOf(docx)] } : {};
  const lock = { seconds: opts.lockWait, tell: io.stderr };
  return { config, output: { templates, dir: outDirOf(opts, config, io), force: opts.force, lock, ...beside } };
}

/** The read data with the line that says which period a relative option named ("Kỳ: … (tuần trước)"). */
export function withPeriodNote<R extends ReadReport>(read: R, note: string | null): R {
  return note ? { ...read, notes: [note, ...read.notes] } : read;
}

/** A period's data and the previous period's, read and evaluated, with what the user should know. */
export interface PeriodData extends ReadReport {
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
  return {
    inputs,
    current,
    previous,
    comparison,
    warnings,
    notes: [...inputs.notes, ...read.notes],
    skippedSheets: read.skippedSheets,
    summary: { inputs: { current: inputs.current, previous: inputs.previous } },
  };
}
