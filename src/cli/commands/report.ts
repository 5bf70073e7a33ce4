import type { Command } from 'commander';
import { z } from 'zod';
import { buildReportModel, reportContext } from '../../core/documents/report.js';
import { periodLabel, periodSlug, previousPeriod } from '../../core/periods.js';
import { summarize } from '../../core/summary.js';
import type { Warning } from '../../core/types.js';
import { configFor, describeWarning, type CliIO } from '../context.js';
import { common, documentOptions, parseOptions, periodOptions } from '../options.js';
import { periodFromOptions } from '../period-option.js';
import { chooseInputs, issueOf, outDirOf, printWarnings, readAndEvaluate, templatesOf, writeDocuments } from '../pipeline.js';
import { addDocumentOptions, addPeriodOptions } from './document-options.js';

const reportOptions = z.object({ ...common, ...documentOptions, ...periodOptions });

export function registerReport(program: Command, io: CliIO, today: () => Date): void {
  const cmd = program
    .command('report')
    .description('Tạo BÁO CÁO kết quả đánh giá (tuần, tháng, quý, năm) kèm các Phụ lục, định dạng .docx');
  addPeriodOptions(cmd);
  addDocumentOptions(cmd);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = parseOptions(reportOptions, raw);
    const period = periodFromOptions(opts, today());
    const config = configFor(opts, io);
    const templates = templatesOf(opts, io);
    const inputs = await chooseInputs(period, previousPeriod(period), opts, config, io);
    const current = await readAndEvaluate(inputs.current, opts, config, inputs.currentDate);
    const previous = inputs.previous ? await readAndEvaluate(inputs.previous, { sheet: opts.sheet }, config, null) : null;

    const warnings: Warning[] = [...current.evaluation.warnings, ...(previous?.evaluation.warnings ?? [])];
    if (!previous) {
      warnings.push({
        message: `Không có dữ liệu kỳ trước (${periodLabel(previousPeriod(period))}): báo cáo không có phần so sánh.`,
      });
    }
    const input = {
      period,
      current: current.evaluation,
      previous: previous?.evaluation ?? null,
      config,
      issue: issueOf(opts),
    };
    const text = templates.render(period.kind === 'week' ? ['bao-cao-tuan', 'bao-cao'] : [`bao-cao-${period.kind}`, 'bao-cao'], reportContext(input));
    const model = buildReportModel(input, text);
    const name = `${current.evaluation.date}_bao-cao-${periodSlug(period)}.docx`;
    const files = await writeDocuments([{ model, name }], outDirOf(opts, config, io), opts.force);

    if (opts.json) {
      const s = summarize(current.dataset, current.evaluation, describeWarning);
      io.stdout(
        `${JSON.stringify(
          {
            files,
            inputs: { current: inputs.current, previous: inputs.previous },
            period: { ...period, label: periodLabel(period), date: current.evaluation.date },
            levels: s.levels,
            province: s.province,
            warnings: warnings.map(describeWarning),
          },
          null,
          2,
        )}\n`,
      );
      return;
    }
    io.stdout(`${inputs.notes.join('\n')}\nĐã ghi báo cáo: ${files.join(', ')}\n`);
    printWarnings(warnings, describeWarning, io);
  });
}
