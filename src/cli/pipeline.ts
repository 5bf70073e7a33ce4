import type { Config } from '../config/schema.js';
import type { Issue } from '../core/documents/common.js';
import { DataError } from '../core/errors.js';
import { evaluate, type Evaluation } from '../core/evaluation.js';
import { formatShortDate } from '../core/format-vi.js';
import { comparePeriods, periodDataWarning, type PeriodComparison } from '../core/period-comparison.js';
import { chooseFile, CLOSING_WINDOW_DAYS, periodLabel, previousPeriod, sharedFileWarning, type DatedFile, type Period } from '../core/periods.js';
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
import { userPath } from './user-path.js';

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
  /** The same for the previous period's file. */
  previousDate: string | null;
  /** Lines telling the user which files were chosen and why. */
  notes: string[];
  /** What the choice could not settle: a file that stands for the period before too. */
  warnings?: Warning[];
  /** The data folder's dated files when they were chosen there (not with --input): the trend chooses among them too. */
  folder?: DatedFile[];
}

/** The score files of a data folder with their dates, scanned once for every period chosen in it. */
export interface DataFolder {
  dir: string;
  files: DatedFile[];
  /** Files without a date (or unreadable), each with why: told, never chosen. */
  undated: string[];
}

export async function scanFolder(opts: { data?: string | undefined }, config: Config, io: CliIO): Promise<DataFolder> {
  const dir = dataDirOf(opts, config, io);
  return { dir, ...(await scanDataFolder(dir, config)) };
}

/** Which files may stand for a period: "cần tệp có ngày trong kỳ[, hoặc trong 10 ngày sau khi kỳ kết thúc]". */
export function dataWindowHint(period: Period): string {
  return `cần tệp có ngày trong kỳ${period.kind === 'week' ? '' : `, hoặc trong ${CLOSING_WINDOW_DAYS} ngày sau khi kỳ kết thúc`}`;
}

/**
 * The file of a period in a scanned folder and the previous period's (older than it: never the
 * same file twice); null when the period has none. Without `prev`, no previous file.
 */
export function chooseInFolder(period: Period, prev: Period | null, folder: DataFolder): ChosenInputs | null {
  const cur = chooseFile(period, folder.files);
  if (!cur) return null;
  const notes = [`Dữ liệu ${periodLabel(period)}: ${cur.file.path} (ngày ${formatShortDate(cur.file.date)}, ${cur.reason})`];
  if (folder.undated.length) notes.push(`Bỏ qua vì không xác định được ngày hoặc không đọc được: ${folder.undated.join(', ')}`);
  const p = prev && chooseFile(prev, folder.files.filter((f) => f.date < cur.file.date));
  if (prev && p) notes.push(`Dữ liệu ${periodLabel(prev)}: ${p.file.path} (ngày ${formatShortDate(p.file.date)}, ${p.reason})`);
  return {
    current: [cur.file.path],
    previous: p ? [p.file.path] : null,
    currentDate: cur.file.date,
    previousDate: p?.file.date ?? null,
    notes,
    folder: folder.files,
    warnings: [sharedFileWarning(period, cur.file, folder.files)].flatMap((m) => (m ? [{ message: m }] : [])),
  };
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
      current: opts.input.map((f) => userPath(io, f)),
      previous: opts.previous?.length ? opts.previous.map((f) => userPath(io, f)) : null,
      currentDate: null,
      previousDate: null,
      notes: [`Dữ liệu ${periodLabel(period)}: ${opts.input.join(', ')} (theo --input)`],
    };
  }
  const folder = await scanFolder(opts, config, io);
  const given = opts.previous?.length ? opts.previous : null;
  const chosen = chooseInFolder(period, given ? null : prev, folder);
  if (!chosen) {
    throw new DataError(`Không có tệp dữ liệu nào trong ${folder.dir} cho ${periodLabel(period)} (${dataWindowHint(period)}). Dùng --input TỆP để chỉ định.`);
  }
  if (!given) return chosen;
  return {
    ...chosen,
    previous: given.map((f) => userPath(io, f)),
    notes: [...chosen.notes, `Dữ liệu kỳ trước: ${given.join(', ')} (theo --previous)`],
  };
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
  return TemplateSet.open(opts.templates && userPath(io, opts.templates));
}

export function dataDirOf(opts: { data?: string | undefined }, config: Config, io: CliIO): string {
  return userPath(io, opts.data ?? config.dataDir);
}

export function outDirOf(opts: OutputOptions, config: Config, io: CliIO): string {
  return userPath(io, opts.out ?? config.outDir);
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

/** Reads and evaluates the files of a period ('current') or of the period before it ('previous'). */
export type ReadFiles = (files: string[], which: 'current' | 'previous', fallbackDate: string | null) => Promise<Evaluated>;

/** Chooses, reads and evaluates the files of a period and of the one before it. */
export async function readPeriod(
  period: Period,
  opts: InputOptions,
  config: Config,
  io: CliIO,
  documentName: string,
): Promise<PeriodData> {
  const inputs = await chooseInputs(period, previousPeriod(period), opts, config, io);
  const read: ReadFiles = (files, which, fallbackDate) =>
    which === 'current'
      ? readAndEvaluate(files, { ...opts, period: period.kind }, config, fallbackDate)
      : readAndEvaluate(files, { sheet: opts.sheet, period: period.kind }, config, fallbackDate);
  return evaluatePeriod(period, inputs, read, documentName);
}

/** Reads and evaluates the chosen files of a period and of the one before it, and compares them. */
export async function evaluatePeriod(period: Period, inputs: ChosenInputs, read: ReadFiles, documentName: string): Promise<PeriodData> {
  const prev = previousPeriod(period);
  const current = await read(inputs.current, 'current', inputs.currentDate);
  const previous = inputs.previous ? await read(inputs.previous, 'previous', inputs.previousDate) : null;
  const warnings = [...(inputs.warnings ?? []), ...current.evaluation.warnings, ...(previous?.evaluation.warnings ?? [])];
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
  const readTold = readNotes(current, previous);
  return {
    inputs,
    current,
    previous,
    comparison,
    warnings,
    notes: [...inputs.notes, ...readTold.notes],
    skippedSheets: readTold.skippedSheets,
    summary: { inputs: { current: inputs.current, previous: inputs.previous } },
  };
}
