import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Config } from '../../config/schema.js';
import { checkWrite, planDocument, type RecordedDocument, type RecordedOutput } from '../../core/batch-plan.js';
import type { Issue } from '../../core/documents/common.js';
import type { DocumentKind } from '../../core/documents/kind.js';
import type { ReportInput } from '../../core/documents/report.js';
import { DakindexError } from '../../core/errors.js';
import { periodSlug, previousPeriod, type DatedFile, type Period } from '../../core/periods.js';
import { BatchManifest } from '../../io/batch-manifest.js';
import { fileSha256, sha256 } from '../../io/content-hash.js';
import { pdfPathOf } from '../../io/pdf/convert.js';
import { prepareDocuments, writeDocuments } from '../../io/produce.js';
import type { TemplateSet } from '../../io/templates.js';
import { describeWarning, userText } from '../context.js';
import type { PdfOutput } from '../pdf-output.js';
import { chooseInFolder, dataWindowHint, evaluatePeriod, readAndEvaluate, type ChosenInputs, type DataFolder, type Evaluated, type InputOptions, type ReadFiles } from '../pipeline.js';
import { readTrendFrom, trendFileSpan, trendLength, withTrend } from '../read-trend.js';
import { VERSION } from '../version.js';
import type { BatchOutcome } from './outcome.js';
import type { BatchProgress } from './progress.js';

/**
 * The documents of a batch, made one after the other in date order in one process, each through
 * the path of `report` and `letter` (evaluatePeriod → prepareDocuments → writeDocuments): the
 * data folder is scanned once, the templates opened once, and each data file read once (a
 * week's file is also the next week's previous one). Before reading anything, a document whose
 * inputs are those the manifest recorded is kept as it is.
 */

/** A kind of document made for every period of the batch, and how messages name one of them. */
export interface BatchKind {
  kind: DocumentKind<ReportInput>;
  label: (period: Period) => string;
  /** Has the report's Diễn biến (read-trend.ts): the earlier periods' files are among its inputs. */
  trend: boolean;
}

export interface BatchJob {
  periods: Period[];
  /** The kinds made for a period: its report, then the letters asked for. */
  kindsOf: (period: Period) => BatchKind[];
  folder: DataFolder;
  config: Config;
  templates: TemplateSet;
  outDir: string;
  force: boolean;
  sheet: InputOptions['sheet'];
  /** Weekly reports with their Diễn biến (--trend); the others always have it. */
  trend: boolean;
  issue: Omit<Issue, 'fallback'>;
  /** Set with --pdf: converts each document made. */
  pdf: PdfOutput | null;
  /** Where the stack of an unexpected error goes (DEBUG=dakindex); null: nowhere. */
  stack: ((text: string) => void) | null;
}

export interface BatchResult {
  outcomes: BatchOutcome[];
  /** What concerns the whole batch: files without a date, an unreadable manifest, no LibreOffice. */
  warnings: string[];
}

/** The evaluations a batch keeps besides a trend's periods: enough for a period and the next one. */
const READ_CACHE_SIZE = 8;

export async function runBatch(job: BatchJob, progress: BatchProgress): Promise<BatchResult> {
  const manifest = BatchManifest.load(job.outDir);
  const warnings: string[] = [];
  if (job.folder.undated.length) warnings.push(`Bỏ qua vì không xác định được ngày hoặc không đọc được: ${job.folder.undated.join(', ')}`);
  if (manifest.unreadable) {
    warnings.push(`Không đọc được ${manifest.path} (${manifest.unreadable}): coi như chưa có văn bản nào do tạo hàng loạt ghi.`);
  }
  if (job.pdf?.missing) warnings.push(`${job.pdf.missing}\nCác văn bản .docx vẫn được ghi; chưa có PDF.`);
  for (const w of warnings) progress.warn(`Cảnh báo: ${w}`);

  const run = new Run(job, manifest, progress);
  progress.start(run.total);
  for (const period of job.periods) await run.period(period);
  progress.stop();
  return { outcomes: run.outcomes, warnings };
}

class Run {
  readonly outcomes: BatchOutcome[] = [];
  readonly total: number;
  private readonly fileHashes = new Map<string, string | null>();
  private readonly reads = new Map<string, Promise<Evaluated>>();
  private readonly cacheSize: number;
  /** What every document of the batch depends on besides its data: hashed once. */
  private readonly common: string;

  constructor(
    private readonly job: BatchJob,
    private readonly manifest: BatchManifest,
    private readonly progress: BatchProgress,
  ) {
    this.total = job.periods.reduce((n, p) => n + job.kindsOf(p).length, 0);
    this.cacheSize = READ_CACHE_SIZE + (job.periods[0] ? trendLength(job.periods[0], job.trend, job.config) : 0);
    this.common = sha256(
      JSON.stringify({ dakindex: VERSION, config: job.config, templates: job.templates.sources(), sheet: job.sheet, issue: job.issue }),
    );
  }

  async period(period: Period): Promise<void> {
    const kinds = this.job.kindsOf(period);
    const chosen = chooseInFolder(period, previousPeriod(period), this.job.folder);
    if (!chosen) {
      const reason = `không có tệp dữ liệu trong ${this.job.folder.dir} (${dataWindowHint(period)})`;
      this.progress.warn(`Bỏ qua ${kinds.map((k) => k.label(period)).join(', ')}: ${reason}.`);
      for (const k of kinds) this.finish({ ...this.base(period, k, null), status: 'skipped', reason });
      return;
    }
    for (const k of kinds) {
      this.progress.working(k.label(period));
      this.finish(await this.document(period, k, chosen));
    }
  }

  private base(period: Period, k: BatchKind, chosen: ChosenInputs | null): Omit<BatchOutcome, 'status' | 'reason'> {
    return {
      period,
      kind: k.kind.id,
      label: k.label(period),
      files: [],
      data: chosen && { current: chosen.current, previous: chosen.previous },
      warnings: [],
    };
  }

  private finish(done: BatchOutcome): void {
    // Core messages name options by key: written here as the user types them.
    const outcome = { ...done, reason: userText(done.reason) };
    this.outcomes.push(outcome);
    for (const w of outcome.warnings) this.progress.warn(`Cảnh báo (${outcome.label}): ${w}`);
    this.progress.done(outcome, this.outcomes.length);
  }

  /** Keeps, makes or fails one document of a period that has data. */
  private async document(period: Period, k: BatchKind, chosen: ChosenInputs): Promise<BatchOutcome> {
    const base = this.base(period, k, chosen);
    const id = `${k.kind.id} ${periodSlug(period)}`;
    const trendCount = k.trend ? trendLength(period, this.job.trend, this.job.config) : 0;
    const inputs = this.inputsOf(id, chosen, trendFileSpan(period, trendCount, this.job.folder.files, chosen.currentDate ?? ''));
    const recorded = this.manifest.get(id);
    const plan = planDocument({ recorded, inputs, onDisk: (f) => this.onDisk(f), pdf: this.job.pdf !== null, force: this.job.force });
    if (plan.action === 'keep') {
      const files = [recorded!.docx, ...(this.job.pdf && recorded!.pdf ? [recorded!.pdf] : [])].map((o) => join(this.job.outDir, o.file));
      return { ...base, status: 'unchanged', reason: plan.reason, files };
    }
    try {
      return { ...base, reason: plan.reason, ...(await this.make(id, period, k.kind, chosen, inputs, trendCount, recorded)) };
    } catch (e) {
      if (e instanceof DakindexError) return { ...base, status: 'failed', reason: e.message };
      this.job.stack?.((e as Error).stack ?? String(e));
      return { ...base, status: 'failed', reason: `Lỗi không mong đợi: ${(e as Error).message ?? String(e)}` };
    }
  }

  private async make(
    id: string,
    period: Period,
    kind: DocumentKind<ReportInput>,
    chosen: ChosenInputs,
    inputs: string,
    trendCount: number,
    recorded: RecordedDocument | null,
  ): Promise<Pick<BatchOutcome, 'status' | 'files' | 'warnings'> & { reason?: string }> {
    const { config, templates, outDir, force } = this.job;
    const data = await evaluatePeriod(period, chosen, this.read, kind.noun);
    const trend =
      trendCount > 0 ? await readTrendFrom(period, trendCount, data, this.job.folder.files, (file) => this.read([file.path], 'previous', file.date)) : null;
    const input: ReportInput = { period, current: data.current.evaluation, comparison: data.comparison, trend: trend?.entries, config, issue: this.job.issue };
    const { docs, warnings } = prepareDocuments(kind, input, withTrend(data, trend), templates);
    if (docs.length !== 1) throw new Error(`${kind.id}: a batch makes one document per period, not ${docs.length}`);
    const name = docs[0]!.name;
    const told = warnings.map(describeWarning);
    const targets = [name, ...(this.job.pdf ? [basename(pdfPathOf(name))] : [])];
    const checks = targets.map((file) =>
      checkWrite({ file: join(outDir, file), onDisk: this.onDisk(file), recorded: this.manifest.recordedSha256(file), force }),
    );
    const refused = checks.flatMap((c) => (c.allowed ? [] : [c.reason]));
    if (refused.length) return { status: 'failed', reason: refused.join('\n'), files: [], warnings: told };
    const replace = checks[0]!.allowed && checks[0]!.replace;
    // The batch holds the output folder's lock for its whole run (commands/batch.ts).
    const [docx] = await writeDocuments(docs, { dir: outDir, force: replace, lock: null });
    const written = (path: string): RecordedOutput => ({ file: basename(path), sha256: fileSha256(path) ?? '' });
    told.push(...this.dropSuperseded(recorded, basename(docx!)));
    const entry = { inputs, docx: written(docx!), data: [...chosen.current, ...(chosen.previous ?? [])] };
    if (!this.job.pdf) {
      this.manifest.record(id, entry, VERSION);
      return { status: 'made', files: [docx!], warnings: told };
    }
    const pdf = await this.job.pdf.convert([docx!], true);
    const pdfFile = pdf.files[0];
    this.manifest.record(id, pdfFile ? { ...entry, pdf: written(pdfFile) } : entry, VERSION);
    if (pdfFile) return { status: 'made', files: [docx!, pdfFile], warnings: told };
    const reason = this.job.pdf.missing
      ? `Đã ghi ${docx}; chưa có PDF: không tìm thấy LibreOffice (xem cảnh báo chung).`
      : (pdf.failure?.message ?? `Đã ghi ${docx}; chưa có PDF.`);
    return { status: 'failed', reason, files: [docx!], warnings: told };
  }

  /**
   * The files an earlier batch wrote for this document under another name (its data's date, in the
   * name, changed): removed when they are still as written, so that one period has one document;
   * kept, with a warning, when edited since. Returns what to tell.
   */
  private dropSuperseded(recorded: RecordedDocument | null, name: string): string[] {
    if (!recorded || recorded.docx.file === name) return [];
    return [recorded.docx, ...(recorded.pdf ? [recorded.pdf] : [])].flatMap((old) => {
      const path = join(this.job.outDir, old.file);
      const now = this.onDisk(old.file);
      if (now === null) return [];
      if (now !== old.sha256) return [`Bản cũ của văn bản này, ${path}, đã được sửa sau khi ghi nên vẫn giữ nguyên; xóa nếu không cần.`];
      rmSync(path, { force: true });
      return [`Đã xóa bản cũ của văn bản này (dữ liệu ngày khác): ${path}.`];
    });
  }

  /** sha256 of a file of the output folder as it is now. */
  private onDisk(file: string): string | null {
    return fileSha256(join(this.job.outDir, file));
  }

  /**
   * sha256 of all a document is made from: the data files' bytes and dates (its trend's too: every
   * file its earlier periods could take), and what every document depends on.
   */
  private inputsOf(id: string, chosen: ChosenInputs, trend: DatedFile[]): string {
    const hash = (f: string) => {
      if (!this.fileHashes.has(f)) this.fileHashes.set(f, fileSha256(f));
      return this.fileHashes.get(f);
    };
    return sha256(
      JSON.stringify({
        common: this.common,
        document: id,
        current: { files: chosen.current.map(hash), date: chosen.currentDate },
        previous: chosen.previous && { files: chosen.previous.map(hash), date: chosen.previousDate },
        ...(trend.length ? { trend: trend.map((f) => [hash(f.path), f.date]) } : {}),
      }),
    );
  }

  /** readAndEvaluate, once per file: a failure is kept too, and told to each document the file feeds. */
  private readonly read: ReadFiles = (files, _which, fallbackDate) => {
    const key = JSON.stringify([files, fallbackDate]);
    let evaluated = this.reads.get(key);
    if (!evaluated) {
      const { config, sheet, periods } = this.job;
      evaluated = readAndEvaluate(files, { sheet, period: periods[0]!.kind }, config, fallbackDate);
      // Handled where it is awaited; a failure kept here must not count as unhandled meanwhile.
      evaluated.catch(() => undefined);
      this.reads.set(key, evaluated);
      if (this.reads.size > this.cacheSize) this.reads.delete(this.reads.keys().next().value!);
    }
    return evaluated;
  };
}
