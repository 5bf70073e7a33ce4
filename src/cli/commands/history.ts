import type { Command } from 'commander';
import type { Config } from '../../config/schema.js';
import { DataError, UsageError } from '../../core/errors.js';
import { capitalize, formatCount, formatShortDate } from '../../core/format-vi.js';
import { findStreak, historyRows, pointsBetween, unitSeries, type BottomChoice, type HistoryPoint, type Streak, type UnitSeries } from '../../core/history.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import type { Level } from '../../core/types.js';
import type { SkippedFile } from '../../io/history-folder.js';
import { commandOptions } from '../command-options.js';
import { configFor, describeWarning, type CliIO } from '../context.js';
import { historyCsv, historyTable, streakCriterion, streakCsv, streakTable, unitCsv, unitTable } from '../history-format.js';
import { declareOptions } from '../options.js';
import { printWarnings } from '../print.js';
import { historyWarnings, readHistory, type HistoryData } from '../read-history.js';

/**
 * `dakindex history`: every score file of the data folder is one dated point (issue 10). Prints,
 * one row per date, newest last, the province's score and rank and the band counts of each level;
 * with --unit one unit's series; with --streaks the units that stayed at the bottom.
 */

/** The options only --streaks uses. */
const STREAK_KEYS = ['streak', 'bottom', 'below'] as const;

export function registerHistory(program: Command, io: CliIO): void {
  const cmd = program
    .command('history')
    .description('Điểm, thứ hạng của tỉnh và số đơn vị theo xếp loại qua các ngày (mỗi tệp điểm trong thư mục dữ liệu là một ngày)');
  const options = declareOptions(
    cmd,
    ['data', 'level', 'unit', 'from', 'to', 'streaks', 'streak', 'bottom', 'below', 'sheet', 'province', 'config', 'json', 'csv'],
    {
      level: 'chỉ cấp này: tinh, so, huyen hoặc xa (mặc định: sở, huyện, xã; với --streaks: xa)',
      bottom: 'với --streaks: N đơn vị có điểm thấp nhất của cấp',
      below: 'với --streaks: các đơn vị có điểm dưới ĐIỂM',
      streak: 'với --streaks: số lần đánh giá gần nhất liên tiếp (từ 2)',
    },
  ).superRefine((o, ctx) => {
    if (o.json && o.csv) ctx.addIssue({ code: 'custom', message: 'chọn một trong --json hoặc --csv' });
    if (o.from && o.to && o.from > o.to) ctx.addIssue({ code: 'custom', message: `--from ${o.from} sau --to ${o.to}` });
    if (o.streaks) {
      if (o.unit !== undefined) ctx.addIssue({ code: 'custom', message: 'dùng --streaks hoặc --unit, không dùng cả hai' });
      if (o.streak === undefined) ctx.addIssue({ code: 'custom', message: '--streaks cần --streak K (số lần đánh giá liên tiếp, ví dụ: --streak 4)' });
      if (o.bottom !== undefined && o.below !== undefined) ctx.addIssue({ code: 'custom', message: 'chọn một trong --bottom N hoặc --below ĐIỂM, không dùng cả hai' });
      else if (o.bottom === undefined && o.below === undefined) {
        ctx.addIssue({ code: 'custom', message: '--streaks cần --bottom N (N đơn vị điểm thấp nhất) hoặc --below ĐIỂM' });
      }
    }
  });
  cmd.action(async (raw: Record<string, unknown>) => {
    const opts = commandOptions(options, raw, io);
    // Typed without --streaks they are a mistake; from the environment or the configuration's
    // defaults (meant for letter low-score) they are left aside.
    const typed = STREAK_KEYS.filter((k) => raw[k] !== undefined);
    if (!opts.streaks && typed.length) throw new UsageError(`${typed.map((k) => `--${k}`).join(', ')}: chỉ dùng cùng --streaks`);
    const config = configFor(opts, io);
    const history = await readHistory(opts, config, io);
    const points = selectedPoints(history, opts.from, opts.to);
    if (opts.streaks) {
      const level = opts.level ?? 'xa';
      const choice: BottomChoice = opts.bottom !== undefined ? { bottom: opts.bottom } : { below: opts.below! };
      const streak = findStreak(points, { level, choice, length: opts.streak!, until: opts.to });
      printStreak(io, opts, history, points, streak);
    } else if (opts.unit !== undefined) {
      printUnit(io, opts, config, history, points, findUnit(points, opts.unit, opts.level));
    } else {
      printSeries(io, opts, config, history, points, opts.level ? [opts.level] : ['so', 'huyen', 'xa']);
    }
  });
}

/** The points from --from to --to; none is a data error naming the dates there are. */
function selectedPoints(history: HistoryData, from: string | undefined, to: string | undefined): HistoryPoint[] {
  if (history.points.length === 0) {
    const skipped = history.skipped.map((s) => `\n  - ${s.path}: ${s.reason}`).join('');
    throw new DataError(`Không có tệp điểm nào có ngày đánh giá đọc được trong ${history.dir}.${skipped}`);
  }
  const points = pointsBetween(history.points, from, to);
  if (points.length === 0) {
    const range = [from && `từ ${formatShortDate(from)}`, to && `đến ${formatShortDate(to)}`].filter(Boolean).join(' ');
    const dates = history.points.map((p) => formatShortDate(p.date));
    throw new DataError(`Không có ngày đánh giá nào ${range} trong ${history.dir} (có các ngày: ${dates.join(', ')}).`);
  }
  return points;
}

/** The unit asked for; a name that matches several units is a usage error, none a data error. */
function findUnit(points: readonly HistoryPoint[], name: string, level: Level | undefined): UnitSeries {
  const found = unitSeries(points, name, level);
  if (found.series) return found.series;
  const list = found.candidates.map((c) => `${c.name} (${LEVEL_WORDING[c.level].short})`).join(', ');
  if (found.ambiguous) {
    throw new UsageError(`--unit "${name}" ứng với nhiều đơn vị: ${list}; gõ tên đầy đủ, ví dụ --unit "${found.candidates[0]!.name}", hoặc thêm --level.`);
  }
  const where = level ? ` ${LEVEL_WORDING[level].short}` : '';
  throw new DataError(`Không có đơn vị "${name}"${where} trong lịch sử.${list ? ` Tên gần giống: ${list}.` : ''}`);
}

type Output = { json: boolean; csv: boolean };

/** What a run read and tells besides its figures: the points used, the files left out, the warnings. */
interface Shown {
  history: HistoryData;
  /** The points the output is about (their warnings are told). */
  used: readonly HistoryPoint[];
}

/** What every JSON output tells besides its figures: the files left out, the warnings, the cache. */
function common({ history, used }: Shown) {
  return {
    dataDir: history.dir,
    skipped: history.skipped.map((s) => ({ file: s.path, reason: s.reason })),
    warnings: historyWarnings(history, used).map(describeWarning),
    cache: history.cache,
  };
}

/** The files left out, on stderr: never silently dropped. */
function printSkipped(skipped: readonly SkippedFile[], io: CliIO): void {
  if (!skipped.length) return;
  io.stderr(`Tệp bỏ qua (${skipped.length}):\n${skipped.map((s) => `  - ${s.path}: ${s.reason}`).join('\n')}\n`);
}

function finish(io: CliIO, shown: Shown, out: Output, text: string): void {
  io.stdout(text);
  if (out.json) return;
  printWarnings(historyWarnings(shown.history, shown.used), io);
  printSkipped(shown.history.skipped, io);
}

function span(points: readonly { date: string }[]): string {
  const first = points[0]!.date;
  const last = points[points.length - 1]!.date;
  return first === last ? `ngày ${formatShortDate(first)}` : `từ ${formatShortDate(first)} đến ${formatShortDate(last)}`;
}

function printSeries(io: CliIO, out: Output, config: Config, history: HistoryData, points: HistoryPoint[], levels: Level[]): void {
  const rows = historyRows(points, levels);
  const shown = { history, used: points };
  if (out.json) {
    const json = {
      province: config.province.name,
      levels,
      points: rows.map((r) => ({
        date: r.date,
        file: r.path,
        province: r.province && { score: r.province.score, rank: r.province.rank, of: r.province.of },
        levels: r.levels,
      })),
      ...common(shown),
    };
    return finish(io, shown, out, `${JSON.stringify(json, null, 2)}\n`);
  }
  if (out.csv) return finish(io, shown, out, historyCsv(rows, config.bands));
  const title = `Lịch sử trong ${history.dir}: ${points.length} ngày đánh giá, ${span(points)}`;
  finish(io, shown, out, `${[title, '', ...historyTable(rows, config.bands, config.province.name)].join('\n')}\n`);
}

function printUnit(io: CliIO, out: Output, config: Config, history: HistoryData, points: HistoryPoint[], series: UnitSeries): void {
  const shown = { history, used: points.filter((p) => series.points.some((x) => x.date === p.date)) };
  if (out.json) return finish(io, shown, out, `${JSON.stringify({ unit: series, ...common(shown) }, null, 2)}\n`);
  if (out.csv) return finish(io, shown, out, unitCsv(series, config.bands));
  const lines = [`${series.name} (${LEVEL_WORDING[series.level].short}): ${series.points.length} ngày đánh giá, ${span(series.points)}`, '', ...unitTable(series, config.bands)];
  if (series.absent.length) {
    lines.push('', `Không có trong bảng điểm ${LEVEL_WORDING[series.level].short} các ngày: ${series.absent.map(formatShortDate).join(', ')}.`);
  }
  finish(io, shown, out, `${lines.join('\n')}\n`);
}

function printStreak(io: CliIO, out: Output, history: HistoryData, points: HistoryPoint[], streak: Streak): void {
  const shown = { history, used: points.filter((p) => streak.dates.includes(p.date)) };
  if (out.json) return finish(io, shown, out, `${JSON.stringify({ streak, ...common(shown) }, null, 2)}\n`);
  if (out.csv) return finish(io, shown, out, streakCsv(streak));
  const level = capitalize(LEVEL_WORDING[streak.level].short);
  const k = formatCount(streak.dates.length);
  const run = streak.weekly ? `liên tục ${k} tuần` : `các ngày không phải ${k} tuần liên tiếp`;
  const head = `${level}: ${formatCount(streak.units.length)} đơn vị ${streakCriterion(streak, 'đơn vị')} tại cả ${k} lần đánh giá gần nhất (${streak.dates.map(formatShortDate).join(', ')}; ${run})`;
  const lines = streak.units.length ? [`${head}:`, '', ...streakTable(streak)] : [`${head}.`];
  finish(io, shown, out, `${lines.join('\n')}\n`);
}
