import type { Command } from 'commander';
import { z } from 'zod';
import { evaluationDate, issueWarnings } from '../../core/documents/issue-warnings.js';
import { buildReportModel, reportContext, reportKindKey } from '../../core/documents/report.js';
import { periodSlug } from '../../core/periods.js';
import { commandOptions } from '../command-options.js';
import { configFor, type CliIO } from '../context.js';
import { common, documentOptions, periodOptions } from '../options.js';
import { periodFromOptions, relativePeriodNote } from '../period-option.js';
import { issueOf, lockWaitOf, outDirOf, periodSummary, printResult, readPeriod, templatesOf, writeDocuments } from '../pipeline.js';
import { addDocumentOptions, addPeriodOptions } from './document-options.js';

const reportOptions = z.object({ ...common, ...documentOptions, ...periodOptions });

export function registerReport(program: Command, io: CliIO, today: () => string): void {
  const cmd = program
    .command('report')
    .description('Tạo BÁO CÁO kết quả đánh giá (tuần, tháng, quý, năm) kèm các Phụ lục, định dạng .docx');
  addPeriodOptions(cmd);
  addDocumentOptions(cmd);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(cmd, reportOptions, raw, io);
    const period = periodFromOptions(opts, today());
    const config = configFor(opts, io);
    const templates = templatesOf(opts, io);
    const data = await readPeriod(period, opts, config, io, 'báo cáo');
    const input = {
      period,
      current: data.current.evaluation,
      comparison: data.comparison,
      config,
      issue: issueOf(opts),
    };
    const names = period.kind === 'week' ? ['bao-cao-tuan', 'bao-cao'] : [`bao-cao-${period.kind}`, 'bao-cao'];
    const model = buildReportModel(input, templates.render(names, reportContext(input)));
    const name = `${data.current.evaluation.date}_bao-cao-${periodSlug(period)}.docx`;
    const files = await writeDocuments([{ model, name }], outDirOf(opts, config, io), opts.force, lockWaitOf(opts, io));
    const warnings = [
      ...data.warnings,
      ...issueWarnings(config, reportKindKey(period), input.issue, evaluationDate(input.current.date)),
    ];
    const notes = [relativePeriodNote(opts, period) ?? [], data.notes].flat();
    printResult(io, opts.json, 'báo cáo', files, { ...data, notes, warnings }, periodSummary(period, data));
  });
}
