import type { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../../config/schema.js';
import { evaluate } from '../../core/evaluation.js';
import { capitalize, formatCount, formatScore, formatShortDate } from '../../core/format-vi.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import { summarize, type CheckSummary } from '../../core/summary.js';
import { NO_DATA, type Level } from '../../core/types.js';
import { readDataset } from '../../io/readers/read-dataset.js';
import { configFor, describeWarning, settingsOf, type CliIO } from '../context.js';
import { commandOptions } from '../command-options.js';
import { userPath } from '../user-path.js';
import { declareOptions, READ_OPTIONS } from '../options.js';
import { ensureScores } from '../pipeline.js';

export function registerCheck(program: Command, io: CliIO): void {
  const cmd = program
    .command('check')
    .description('Đọc các tệp điểm, kiểm tra và in kết quả xếp loại theo từng cấp')
    .argument('<tệp...>', 'tệp .xlsx, .csv hoặc bảng HTML lưu dạng .xls');
  const options = declareOptions(cmd, READ_OPTIONS).extend({ files: z.array(z.string()).min(1, 'cần ít nhất một tệp') });
  cmd.action(async (files: string[], raw: Record<string, unknown>) => {
    const opts = commandOptions(options, { ...raw, files }, io);
    const config = configFor(opts, io);
    const dataset = await readDataset(opts.files.map((f) => userPath(io, f)), { config, sheets: opts.sheet, ...(opts.date ? { date: opts.date } : {}) });
    ensureScores(dataset);
    const summary = summarize(dataset, evaluate(dataset, settingsOf(config)), describeWarning);
    io.stdout(opts.json ? `${JSON.stringify(summary, null, 2)}\n` : printSummary(summary, config));
  });
}

const DATE_SOURCE: Record<CheckSummary['dateSource'], string> = {
  option: 'theo --date',
  title: 'lấy từ tiêu đề trong tệp',
  filename: 'lấy từ tên tệp',
  unknown: 'không xác định',
};

export function printSummary(s: CheckSummary, config: Config): string {
  const lines: string[] = [];
  lines.push(`Tệp: ${s.files.join(', ')}`);
  lines.push(
    s.date
      ? `Ngày đánh giá: ${formatShortDate(s.date)} (${DATE_SOURCE[s.dateSource]})`
      : 'Ngày đánh giá: không xác định (dùng --date YYYY-MM-DD)',
  );
  if (s.province) {
    const rank = s.province.rank === null ? '' : `, xếp hạng ${s.province.rank}${s.province.of ? `/${s.province.of}` : ''}`;
    lines.push(`Tỉnh ${s.province.name}: ${formatScore(s.province.score)} điểm${rank}`);
  } else if (!s.levels.tinh) {
    lines.push('Không có sheet cấp tỉnh: không có điểm và thứ hạng của tỉnh.');
  }
  for (const [level, r] of Object.entries(s.levels) as [Level, NonNullable<CheckSummary['levels'][Level]>][]) {
    const bands = config.bands.map((b) => `${b.label} ${formatCount(r.counts[b.key])}`).join(', ');
    const noData = r.counts[NO_DATA] > 0 ? `; không có dữ liệu ${formatCount(r.counts[NO_DATA])}` : '';
    lines.push(`${capitalize(LEVEL_WORDING[level].short)}: ${r.units} đơn vị: ${bands}${noData}`);
  }
  if (s.warnings.length) {
    lines.push(`Cảnh báo (${s.warnings.length}):`);
    for (const w of s.warnings) lines.push(`  - ${w}`);
  }
  if (s.skippedSheets.length) {
    lines.push('Sheet bỏ qua:');
    for (const k of s.skippedSheets) lines.push(`  - ${k.file}, sheet "${k.sheet}": ${k.reason}`);
  }
  if (s.skippedRows.length) {
    lines.push('Dòng bỏ qua (không phải đơn vị):');
    for (const k of s.skippedRows) lines.push(`  - ${k.file}, sheet "${k.sheet}", dòng ${k.row} "${k.label}": ${k.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

