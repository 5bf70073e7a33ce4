import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { batchPeriods, startedBy, type BatchUnit } from '../../core/batch-periods.js';
import { publish } from '../../core/documents/letter-publish.js';
import type { DocumentKind } from '../../core/documents/kind.js';
import { reportOf, type ReportInput } from '../../core/documents/report.js';
import { DataError, UsageError } from '../../core/errors.js';
import { formatShortDate } from '../../core/format-vi.js';
import { periodLabel, periodProblem, type Period } from '../../core/periods.js';
import { isRelative, relativePeriod, type Relative } from '../../core/relative-period.js';
import { MANIFEST_NAME } from '../../io/batch-manifest.js';
import { acquireOutputLock } from '../../io/output-lock.js';
import { countOutcomes, PartialBatchError } from '../batch/outcome.js';
import { batchProgress } from '../batch/progress.js';
import { runBatch, type BatchKind } from '../batch/run.js';
import { batchJson, countLine, printSummary, type BatchRequest } from '../batch/summary.js';
import { commandOptions } from '../command-options.js';
import { configFor, debugEnabled, type CliIO } from '../context.js';
import { declareOptions, DOCUMENT_OPTIONS, without } from '../options.js';
import { PdfOutput } from '../pdf-output.js';
import { dataDirOf, issueOf, outDirOf, scanFolder, templatesOf } from '../pipeline.js';

/**
 * `dakindex batch --year Y --weeks | --months | --quarters [--from D --to D] [--letters publish]`:
 * every document of a year's periods in one process, in date order (batch/run.ts). Exit 3 when
 * some failed.
 */

/** The letters a batch can add to each period's report. */
const LETTERS: Record<'publish', BatchKind> = {
  publish: { kind: publish as DocumentKind<ReportInput>, label: (p) => `công văn công khai ${periodLabel(p)}`, trend: false },
};

const REPORT = (period: Period): BatchKind => ({ kind: reportOf(period), label: (p) => `báo cáo ${periodLabel(p)}`, trend: true });

interface BatchOptions {
  year?: number | Relative | undefined;
  weeks: boolean;
  months: boolean;
  quarters: boolean;
  from?: string | undefined;
  to?: string | undefined;
  letters?: string[] | undefined;
}

/** The rules between batch's options. */
function batchRule(o: BatchOptions, ctx: z.RefinementCtx): void {
  const problem = (message: string, path?: string) => ctx.addIssue({ code: 'custom', message, ...(path ? { path: [path] } : {}) });
  if (o.year === undefined) problem('cần --year Y (năm của các kỳ), ví dụ: --year 2025 --weeks');
  const units = [o.weeks, o.months, o.quarters].filter(Boolean).length;
  if (units !== 1) problem('chọn một trong --weeks, --months hoặc --quarters');
  if (o.letters?.includes('publish') && !o.months) problem('--letters publish: công văn công khai là công văn của một tháng, dùng cùng --months');
  for (const key of ['from', 'to'] as const) {
    const d = o[key];
    if (d !== undefined && typeof o.year === 'number' && !d.startsWith(`${o.year}-`)) problem(`ngày phải thuộc năm ${o.year} (--year)`, key);
  }
  if (o.from !== undefined && o.to !== undefined && o.from > o.to) problem('--from phải không sau --to');
}

/** `today` is an ISO date in the office's time zone (src/cli/today.ts), for `--year current|previous`. */
export function registerBatch(program: Command, io: CliIO, today: () => string): void {
  const cmd = program
    .command('batch')
    .description(
      'Tạo hàng loạt: mọi văn bản của các tuần, tháng hoặc quý trong một năm (báo cáo, kèm công văn nếu chọn) từ thư mục dữ liệu, ' +
        'trong một lần chạy; kỳ không có dữ liệu được bỏ qua, văn bản không đổi không bị ghi lại; mã thoát 3 khi có văn bản lỗi',
    );
  const keys = ['year', 'weeks', 'months', 'quarters', 'from', 'to', 'letters', 'trend', ...without(DOCUMENT_OPTIONS, 'date', 'input', 'previous', 'number', 'issued')] as const;
  const options = declareOptions(cmd, keys, {
    year: 'năm của các kỳ (bắt buộc); current: năm nay, previous: năm trước',
    from: 'chỉ các kỳ bắt đầu từ ngày này',
    to: 'chỉ các kỳ bắt đầu đến ngày này',
    force: `ghi lại mọi văn bản, kể cả văn bản không đổi, văn bản không do tạo hàng loạt ghi và văn bản đã sửa tay`,
    signer: 'họ tên người ký của mọi văn bản lần này, thay tên trong cấu hình (documents.<loại>.signer.name)',
  }).superRefine(batchRule);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    const year = isRelative(opts.year) ? relativePeriod('year', opts.year, today()).year : opts.year!;
    if (isRelative(opts.year)) {
      for (const key of ['from', 'to'] as const) {
        const d = opts[key];
        if (d !== undefined && !d.startsWith(`${year}-`)) throw new UsageError(`--${key}: ngày phải thuộc năm ${year} (--year ${opts.year})`);
      }
    }
    const yearProblem = periodProblem({ kind: 'year', year });
    if (yearProblem) throw new UsageError(yearProblem);
    const unit: BatchUnit = opts.weeks ? 'week' : opts.months ? 'month' : 'quarter';
    const config = configFor(opts, io);
    const outDir = outDirOf(opts, config, io);
    if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
      throw new DataError(`Không ghi được vào ${outDir}: đây là một tệp, không phải thư mục (xem --out).`);
    }
    const templates = await templatesOf(opts, io);
    const folder = await scanFolder(opts, config, io);
    const letters = (opts.letters ?? []).map((l) => LETTERS[l]);
    const pdf = opts.pdf ? new PdfOutput(config, io) : null;
    const now = today();
    const { started, notYet } = startedBy(batchPeriods(unit, year, { from: opts.from, to: opts.to }), now);
    if (notYet.length) {
      const span = notYet.length === 1 ? periodLabel(notYet[0]!) : `${periodLabel(notYet[0]!)} đến ${periodLabel(notYet.at(-1)!)}`;
      io.stderr(`Chưa đến: ${notYet.length} kỳ (${span}) bắt đầu sau hôm nay ${formatShortDate(now)}, không tạo.\n`);
    }
    const progress = batchProgress(io, opts.json);
    const stack = debugEnabled(io) ? (text: string) => (opts.json ? io.stderr(`${text}\n`) : progress.warn(text)) : null;
    // One lock for the whole batch: its documents, their PDFs and the manifest.
    const release = await acquireOutputLock(outDir, { waitMs: opts.lockWait * 1000, onWait: io.stderr });
    let result;
    try {
      result = await runBatch(
        {
          periods: started,
          kindsOf: (p) => [REPORT(p), ...letters],
          folder,
          config,
          templates,
          outDir,
          force: opts.force,
          sheet: opts.sheet,
          trend: opts.trend,
          issue: issueOf(opts),
          pdf,
          stack,
        },
        progress,
      );
    } finally {
      await pdf?.close();
      release();
    }
    const request: BatchRequest = {
      year,
      unit,
      from: opts.from ?? null,
      to: opts.to ?? null,
      letters: opts.letters ?? [],
      dataDir: dataDirOf(opts, config, io),
      outDir,
      manifest: join(outDir, MANIFEST_NAME),
    };
    if (opts.json) io.stdout(`${JSON.stringify(batchJson(request, result.outcomes, result.warnings), null, 2)}\n`);
    else printSummary(io, result.outcomes, result.warnings);
    if (countOutcomes(result.outcomes).failed > 0) {
      const where = opts.json ? 'mục "documents" của JSON' : 'phần Tổng kết';
      throw new PartialBatchError(`Tạo hàng loạt chưa trọn: ${countLine(result.outcomes)} Văn bản lỗi và lý do ở ${where}; sửa rồi chạy lại lệnh này.`);
    }
  });
}
