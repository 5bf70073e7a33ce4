import type { Command } from 'commander';
import { reportOf } from '../../core/documents/report.js';
import { produce } from '../../io/produce.js';
import type { CliIO } from '../context.js';
import { declareOptions, DOCUMENT_OPTIONS, parseOptions, PERIOD_OPTIONS } from '../options.js';
import { periodFromOptions, periodRule } from '../period-option.js';
import { issueOf, readPeriod, finish, setUp } from '../pipeline.js';

export function registerReport(program: Command, io: CliIO, today: () => Date): void {
  const cmd = program
    .command('report')
    .description('Tạo BÁO CÁO kết quả đánh giá (tuần, tháng, quý, năm) kèm các Phụ lục, định dạng .docx');
  const options = declareOptions(cmd, [...PERIOD_OPTIONS, ...DOCUMENT_OPTIONS]).superRefine(periodRule);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = parseOptions(options, raw);
    const period = periodFromOptions(opts, today());
    const kind = reportOf(period);
    const { config, output } = await setUp(opts, io);
    const data = await readPeriod(period, opts, config, io, kind.noun);
    const input = { period, current: data.current.evaluation, comparison: data.comparison, config, issue: issueOf(opts) };
    await finish(io, opts, config, kind.noun, await produce(kind, input, data, output));
  });
}
