/**
 * The trend of a report ("Diễn biến"): the province's score and rank over the last periods of the
 * report's kind, the sentence that tells it, and the chart that shows it. Pure: the periods' data
 * come in as evaluations, one per period, read by the command (src/cli/read-trend.ts).
 *
 * The sentence (trendSentence), with s₀ … sₖ the scores of the points, oldest first, as printed
 * (two decimals at most), and "quý" the unit of the report's kind (tuần, tháng, quý, năm):
 *
 *   "Điểm số của tỉnh" then
 *   - "tăng liên tục K quý, từ s₀ lên sₖ điểm" when every step rises, the points are K + 1 ≥ 3
 *     consecutive periods (no gap);
 *   - "giảm liên tục K quý, từ s₀ xuống sₖ điểm" the same, falling;
 *   - else "tăng từ s₀ lên sₖ điểm", "giảm từ s₀ xuống sₖ điểm" by sₖ against s₀, or "không thay
 *     đổi (sₖ điểm)" when they are equal;
 *   then, when at least two points have a rank, "; thứ hạng" and, a the first ranked point and b
 *   the last, N the number ranked at b ("/34", left out when unknown):
 *   - "từ a/M chuyển thành b/N" when a and b were ranked among different numbers of provinces
 *     (63 before the 2025 merger, 34 after): the ranks do not compare, so no verb;
 *   - "cải thiện liên tục K quý, từ a lên b/N" when the rank number falls at every step, every point
 *     has a rank and they are K + 1 ≥ 3 consecutive periods; "giảm liên tục K quý, từ a xuống b/N"
 *     the other way;
 *   - else "cải thiện từ a lên b/N", "giảm từ a xuống b/N", or "không thay đổi (b/N)";
 *   - a ranked point that is not the first (last) point of the series is named after its rank:
 *     "từ 22 (Quý IV năm 2023) lên 16/34".
 * Scores and ranks compare as printed: 88,724 and 88,72 are the same score. Durations are written
 * as the issue's example writes them ("liên tục 3 tháng"), not padded like counts.
 */
import type { Evaluation } from './evaluation.js';
import { formatScore, joinAnd } from './format-vi.js';
import type { Chart } from './documents/model.js';
import { chooseFile, periodChartLabel, periodLabel, periodRange, type DatedFile, type FileChoice, type Period } from './periods.js';
import { PERIOD_KIND_WORDS } from './sheet-choice.js';

/** One period of the trend with the data chosen for it, or null when it has none. */
export interface TrendEntry {
  period: Period;
  evaluation: (Evaluation & { date: string }) | null;
}

/** The file of one earlier period of the trend, or none; `standsFor`: the file it would have, which stands for its neighbour. */
export interface TrendFile {
  choice: FileChoice | null;
  standsFor?: { file: DatedFile; period: Period };
}

/**
 * The files of the trend's earlier periods (`periods`, oldest first): for each, the file `report`
 * would choose for it (chooseFile) among the files older than the report's own data (dated
 * `before`). A file downloaded in the first days of a period is inside it and in the days after the
 * period before, so both may choose it: it stands for the period it closes, the earlier one, and
 * the later one has none (a gap rather than the neighbour's figures; `standsFor` says why). No
 * file stands for two periods.
 */
export function chooseTrendFiles(periods: readonly Period[], files: readonly DatedFile[], before: string): TrendFile[] {
  const older = files.filter((f) => f.date < before);
  const out: TrendFile[] = periods.map((p) => ({ choice: chooseFile(p, older) }));
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!.choice;
    const b = out[i + 1]!.choice;
    if (!a || !b || a.file.path !== b.file.path) continue;
    if (a.file.date > periodRange(periods[i]!).end) out[i + 1] = { choice: null, standsFor: { file: b.file, period: periods[i]! } };
    else out[i] = { choice: null, standsFor: { file: a.file, period: periods[i + 1]! } };
  }
  return out;
}

/** The province on one date: a point of the series. */
export interface TrendPoint {
  /** The period: "Quý II năm 2024". */
  label: string;
  /** ISO date of its data. */
  date: string;
  score: number;
  rank: number | null;
  /** How many provinces were ranked; null when only the province's published rank is known. */
  of: number | null;
}

/** The province's series over the trend's periods: a point per period with the province's score. */
export function provinceSeries(entries: readonly TrendEntry[]): TrendPoint[] {
  return entries.flatMap(({ period, evaluation }) => {
    const p = evaluation?.province;
    return p ? [{ label: periodLabel(period), date: evaluation!.date, score: p.score, rank: p.rank, of: p.of }] : [];
  });
}

/**
 * The part of the trend a report shows: from the first period with the province's score to the
 * report's own, which must have it. `slots` are those periods, a point or null (a gap) each.
 */
export interface ProvinceTrend {
  slots: { period: Period; point: TrendPoint | null }[];
  points: TrendPoint[];
  /** Periods of the window before the first point: the history is shorter than asked. */
  before: Period[];
}

/** The province's trend, or null when the report's period (the last entry) has no province score. */
export function provinceTrend(entries: readonly TrendEntry[]): ProvinceTrend | null {
  const slots = entries.map((e) => ({ period: e.period, point: provinceSeries([e])[0] ?? null }));
  if (!slots.at(-1)?.point) return null;
  const first = slots.findIndex((s) => s.point !== null);
  const shown = slots.slice(first);
  return { slots: shown, points: shown.flatMap((s) => (s.point ? [s.point] : [])), before: slots.slice(0, first).map((s) => s.period) };
}

/** The periods of the trend without the province's score, between its first point and the last. */
export function trendGaps(trend: ProvinceTrend): Period[] {
  return trend.slots.flatMap((s) => (s.point ? [] : [s.period]));
}

const cents = (n: number): number => Math.round(n * 100);

/** +1 when every step rises, -1 when every step falls, 0 otherwise. */
function monotonic(values: readonly number[]): -1 | 0 | 1 {
  const steps = values.slice(1).map((v, i) => Math.sign(v - values[i]!));
  if (steps.length > 0 && steps.every((s) => s > 0)) return 1;
  if (steps.length > 0 && steps.every((s) => s < 0)) return -1;
  return 0;
}

/**
 * The trend in one sentence, without its final stop (see the rules at the top of this file).
 * `points` oldest first, at least two; `consecutive`: they are consecutive periods (no gap).
 */
export function trendSentence(points: readonly TrendPoint[], kind: Period['kind'], consecutive: boolean): string {
  if (points.length < 2) throw new RangeError('a trend sentence needs two points at least');
  const unit = PERIOD_KIND_WORDS[kind];
  const steps = points.length - 1;
  const streak = (direction: number): boolean => consecutive && steps >= 2 && direction !== 0;

  const scores = points.map((p) => cents(p.score));
  const first = formatScore(points[0]!.score);
  const last = formatScore(points.at(-1)!.score);
  const rising = monotonic(scores);
  const net = Math.sign(scores.at(-1)! - scores[0]!);
  const lead = streak(rising) ? `${rising > 0 ? 'tăng' : 'giảm'} liên tục ${steps} ${unit}, ` : net > 0 ? 'tăng ' : net < 0 ? 'giảm ' : '';
  const score =
    net === 0 ? `không thay đổi (${last} điểm)` : `${lead}từ ${first} ${net > 0 ? 'lên' : 'xuống'} ${last} điểm`;

  const rank = rankClause(points, unit, consecutive);
  return `Điểm số của tỉnh ${score}${rank ? `; thứ hạng ${rank}` : ''}`;
}

function rankClause(points: readonly TrendPoint[], unit: string, consecutive: boolean): string | null {
  const ranked = points.filter((p): p is TrendPoint & { rank: number } => p.rank !== null);
  if (ranked.length < 2) return null;
  const a = ranked[0]!;
  const b = ranked.at(-1)!;
  const whenA = a === points[0] ? '' : ` (${a.label})`;
  const whenB = b === points.at(-1) ? '' : ` (${b.label})`;
  const of = (p: TrendPoint) => (p.of === null ? '' : `/${p.of}`);
  if (a.of !== null && b.of !== null && a.of !== b.of) return `từ ${a.rank}${of(a)}${whenA} chuyển thành ${b.rank}${of(b)}${whenB}`;
  if (a.rank === b.rank) return `không thay đổi (${b.rank}${of(b)}${whenB})`;
  // Ranks count down as they improve.
  const better = b.rank < a.rank;
  const all = ranked.length === points.length && consecutive && ranked.length >= 3;
  const steadily = all && monotonic(ranked.map((p) => -p.rank)) === (better ? 1 : -1);
  const verb = better ? 'cải thiện' : 'giảm';
  const lead = steadily ? `${verb} liên tục ${ranked.length - 1} ${unit}, ` : `${verb} `;
  return `${lead}từ ${a.rank}${whenA} ${better ? 'lên' : 'xuống'} ${b.rank}${of(b)}${whenB}`;
}

/** What the report's passage says, worded: null when the trend has fewer than two points. */
export interface TrendWording {
  /** "Quý III năm 2023" */
  from: string;
  /** "Quý II năm 2024" */
  to: string;
  sentence: string;
  /** "Quý IV năm 2023 và Quý I năm 2024": periods without the province's data; null without gaps. */
  gaps: string | null;
}

export function trendWording(trend: ProvinceTrend): TrendWording | null {
  if (trend.points.length < 2) return null;
  const gaps = trendGaps(trend);
  return {
    from: periodLabel(trend.slots[0]!.period),
    to: periodLabel(trend.slots.at(-1)!.period),
    sentence: trendSentence(trend.points, trend.slots[0]!.period.kind, gaps.length === 0),
    gaps: gaps.length ? joinAnd(gaps.map(periodLabel)) : null,
  };
}

/**
 * The chart of the trend: the score on the left axis (within 0 to 100), the rank on the right one,
 * reversed (1 at the top, down to the number ranked), one category per period from the first point to the report's, a gap where a period
 * has no data. The rank series is left out when no point has a rank.
 */
export function trendChart(trend: ProvinceTrend, provinceName: string): Chart {
  const categories = trend.slots.map((s) => periodChartLabel(s.period));
  const series: Chart['series'] = [
    {
      name: 'Điểm số',
      values: trend.slots.map((s) => s.point?.score ?? null),
      axis: 'left',
      axisTitle: 'Điểm',
      reversed: false,
      decimals: 2,
      bounds: { min: 0, max: 100 },
    },
  ];
  const ranks = trend.slots.map((s) => s.point?.rank ?? null);
  if (ranks.some((r) => r !== null)) {
    const ofs = trend.points.flatMap((p) => (p.of === null ? [] : [p.of]));
    series.push({
      name: 'Thứ hạng',
      values: ranks,
      axis: 'right',
      axisTitle: 'Thứ hạng (1 là cao nhất)',
      reversed: true,
      decimals: 0,
      bounds: { min: 1, ...(ofs.length ? { max: Math.max(...ofs) } : {}) },
    });
  }
  return { title: `Điểm số, thứ hạng của tỉnh ${provinceName}`, categories, series };
}
