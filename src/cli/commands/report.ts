import type { Command } from 'commander';
import { reportOf } from '../../core/documents/report.js';
import { produce } from '../../io/produce.js';
import type { CliIO } from '../context.js';
import { commandOptions } from '../command-options.js';
import { declareOptions, DOCUMENT_OPTIONS, PERIOD_OPTIONS } from '../options.js';
import { periodFromOptions, periodRule, relativePeriodNote } from '../period-option.js';
import { issueOf, readPeriod, finish, setUp, withPeriodNote } from '../pipeline.js';
import { readTrend, trendLength, withTrend } from '../read-trend.js';

/** `today` is an ISO date in the office's time zone (src/cli/today.ts). */
export function registerReport(program: Command, io: CliIO, today: () => string): void {
  const cmd = program
    .command('report')
    .description('Tạo BÁO CÁO kết quả đánh giá (tuần, tháng, quý, năm) kèm các Phụ lục, định dạng .docx');
  const options = declareOptions(cmd, [...PERIOD_OPTIONS, 'trend', ...DOCUMENT_OPTIONS]).superRefine(periodRule);
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    const period = periodFromOptions(opts, today());
    const kind = reportOf(period);
    const { config, output } = await setUp(opts, io);
    const data = withPeriodNote(await readPeriod(period, opts, config, io, kind.noun), relativePeriodNote(opts, period));
    const count = trendLength(period, opts.trend, config);
    const trend = count > 0 ? await readTrend(period, count, data, opts, config, io) : null;
    const read = withTrend(data, trend);
    const input = { period, current: data.current.evaluation, comparison: data.comparison, trend: trend?.entries, config, issue: issueOf(opts) };
    await finish(io, opts, config, kind.noun, await produce(kind, input, read, output));
  });
}
