import type { Command } from 'commander';
import { lowScore, type LowScoreChoice } from '../../core/documents/letter-low-score.js';
import { parSipas } from '../../core/documents/letter-par-sipas.js';
import { publish, type MonthPeriod } from '../../core/documents/letter-publish.js';
import { produce } from '../../io/produce.js';
import type { CliIO } from '../context.js';
import { isRelative, relativePeriod } from '../../core/relative-period.js';
import { commandOptions } from '../command-options.js';
import { declareOptions, DOCUMENT_OPTIONS, without } from '../options.js';
import { periodFromOptions, relativePeriodNote } from '../period-option.js';
import { issueOf, readPeriod, finish, setUp, withPeriodNote } from '../pipeline.js';
import { readDays, type DaysData } from '../read-days.js';
import { historyWarnings, readHistory } from '../read-history.js';
import type { Config } from '../../config/schema.js';
import { DataError, UsageError } from '../../core/errors.js';
import { formatShortDate } from '../../core/format-vi.js';
import { findStreak, type Streak } from '../../core/history.js';
import type { ReadReport } from '../../io/produce.js';
import type { SheetSelection } from '../../io/readers/read-score-file.js';
import { readParSipasFigures } from '../read-par-sipas.js';

/**
 * `dakindex letter publish | low-score | par-sipas`: the three công văn of the seeds (000, 003,
 * 004). Each: options → read → produce → print, as `report`.
 */

/** `today` is an ISO date in the office's time zone (src/cli/today.ts). */
export function registerLetter(program: Command, io: CliIO, today: () => string): void {
  const letter = program
    .command('letter')
    .description('Tạo CÔNG VĂN: công khai kết quả tháng, đôn đốc địa phương có điểm thấp, Chỉ số PAR Index và SIPAS');
  registerPublish(letter, io, today);
  registerLowScore(letter, io);
  registerParSipas(letter, io, today);
  for (const c of letter.commands) c.helpOption('-h, --help', 'hiển thị trợ giúp');
  letter.action(() => {
    throw new UsageError('cần chọn loại công văn: publish, low-score hoặc par-sipas (xem: dakindex letter --help)');
  });
}

/** Seed 000. */
function registerPublish(letter: Command, io: CliIO, today: () => string): void {
  const cmd = letter
    .command('publish')
    .description('Công văn công khai kết quả Bộ chỉ số của một tháng, kèm các Phụ lục (ví dụ: --month 5 --year 2024)');
  const options = declareOptions(cmd, ['month', 'year', ...DOCUMENT_OPTIONS], {
    month: 'tháng công khai (bắt buộc); current: tháng này, previous: tháng trước (không cần --year)',
  }).superRefine((o, ctx) => {
    if (o.month === undefined) ctx.addIssue({ code: 'custom', message: 'cần --month M (tháng công khai kết quả), ví dụ: --month 5 --year 2024' });
  });
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    const chosen = { month: opts.month, year: opts.year };
    const period = periodFromOptions(chosen, today()) as MonthPeriod;
    const { config, output } = await setUp(opts, io);
    const data = withPeriodNote(await readPeriod(period, opts, config, io, publish.noun), relativePeriodNote(chosen, period));
    const input = { period, current: data.current.evaluation, comparison: data.comparison, config, issue: issueOf(opts) };
    await finish(io, opts, config, publish.noun, await produce(publish, input, data, output));
  });
}

/** Seed 003. */
function registerLowScore(letter: Command, io: CliIO): void {
  const cmd = letter
    .command('low-score')
    .description('Công văn đôn đốc các xã, phường có điểm thấp (ví dụ: --date 2026-03-09 --bottom 7 --target 94 --since 2026-01-09)');
  const options = declareOptions(cmd, ['bottom', 'below', 'target', 'since', 'separate', 'streak', ...DOCUMENT_OPTIONS], {
    streak: 'chỉ các xã, phường ở nhóm điểm thấp (--bottom, --below) tại cả K lần đánh giá gần nhất đến --date trong --data; công văn ghi "liên tục K tuần"',
  }).superRefine((o, ctx) => {
    if (o.streak !== undefined && o.input?.length) {
      ctx.addIssue({ code: 'custom', message: '--streak đọc lịch sử trong thư mục dữ liệu (--data): không dùng cùng --input' });
    }
    if (o.bottom !== undefined && o.below !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'chọn một trong --bottom N hoặc --below ĐIỂM, không dùng cả hai' });
    } else if (o.bottom === undefined && o.below === undefined) {
      ctx.addIssue({ code: 'custom', message: 'cần --bottom N (N xã, phường điểm thấp nhất) hoặc --below ĐIỂM (các xã, phường dưới ĐIỂM)' });
    }
  });
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    const choice: LowScoreChoice = opts.bottom !== undefined ? { bottom: opts.bottom } : { below: opts.below! };
    const { config, output } = await setUp(opts, io);
    const days = await readDays(opts, config, io);
    const { streak, read } = opts.streak === undefined ? { streak: null, read: days } : await readStreak(days, choice, opts.streak, opts, config, io);
    const input = {
      current: days.current.evaluation,
      since: days.since?.evaluation ?? null,
      target: opts.target ?? null,
      config,
      issue: issueOf(opts),
      choice,
      separate: opts.separate,
      streak,
    };
    await finish(io, opts, config, lowScore.noun, await produce(lowScore, input, read, output));
  });
}

/**
 * --streak K: the history of the data folder (through its cache, read-history.ts) and the communes
 * at the bottom at each of its last K dates up to the letter's; what reading it told joins the
 * day's notes and warnings (files left out of the history, the warnings of the dates used).
 */
async function readStreak(
  days: DaysData,
  choice: LowScoreChoice,
  length: number,
  opts: { data?: string | undefined; sheet: SheetSelection },
  config: Config,
  io: CliIO,
): Promise<{ streak: Streak; read: ReadReport }> {
  const history = await readHistory(opts, config, io);
  const date = days.current.evaluation.date;
  const streak = findStreak(history.points, { level: 'xa', choice, length, until: date });
  if (streak.dates[streak.dates.length - 1] !== date) {
    throw new DataError(
      `Lịch sử trong ${history.dir} không có điểm cấp xã ngày ${formatShortDate(date)} (ngày của công văn): ngày gần nhất có là ${formatShortDate(streak.dates.at(-1)!)}.`,
    );
  }
  // The letter's own date is read by readDays, with its warnings.
  const used = history.points.filter((p) => streak.dates.includes(p.date) && p.date !== date);
  const warnings = [...historyWarnings(history, used), ...history.skipped.map((s) => ({ message: `Lịch sử: bỏ qua ${s.path}: ${s.reason}` }))];
  const note = `Lịch sử: ${streak.dates.length} ngày đánh giá gần nhất đến ${formatShortDate(date)} trong ${history.dir}: ${streak.dates.map(formatShortDate).join(', ')}`;
  return {
    streak,
    read: { ...days, notes: [...days.notes, note], warnings: [...days.warnings, ...warnings] },
  };
}

/** Seed 004: its figures file holds the year before and the announcement date, so no --previous or --date. */
function registerParSipas(letter: Command, io: CliIO, today: () => string): void {
  const cmd = letter
    .command('par-sipas')
    .description('Công văn về kết quả Chỉ số PAR Index và SIPAS của một năm so với năm trước (ví dụ: --year 2021 --input par-sipas-2021.yaml)');
  const options = declareOptions(cmd, ['year', ...without(DOCUMENT_OPTIONS, 'previous', 'date')], {
    year: 'năm của kết quả, hoặc current|previous (mặc định năm mới nhất trong tệp số liệu)',
  }).superRefine((o, ctx) => {
    if (o.sheet.length > 1) ctx.addIssue({ code: 'custom', path: ['sheet'], message: 'chỉ chọn một sheet' });
    if ((o.input?.length ?? 0) > 1) ctx.addIssue({ code: 'custom', path: ['input'], message: 'công văn PAR Index, SIPAS đọc một tệp số liệu' });
  });
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    const asked = isRelative(opts.year) ? relativePeriod('year', opts.year, today()).year : opts.year;
    const { config, output } = await setUp(opts, io);
    const { data, year, ...figures } = await readParSipasFigures({ ...opts, year: asked }, config, io);
    const read = withPeriodNote(figures, relativePeriodNote({ year: opts.year }, { kind: 'year', year }));
    const input = { year, data, config, issue: issueOf(opts) };
    await finish(io, opts, config, parSipas.noun, await produce(parSipas, input, read, output));
  });
}
