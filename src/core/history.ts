/**
 * History (issue 10): every dated score file of a data folder is one point; from the points, as
 * plain data, the series the `history` command prints, a unit's series, the units that stay at the
 * bottom (streaks), and the points of the last periods of a kind for a trend chart. Pure: the
 * points are read and evaluated elsewhere (src/io/history-folder.ts, src/cli/read-history.ts).
 */
import { DataError } from './errors.js';
import type { Counts, Evaluation, LevelResult, ScoredUnit } from './evaluation.js';
import { formatShortDate } from './format-vi.js';
import { foldVietnamese, nameKey } from './names.js';
import { chooseFile, newestFirst, periodLabel, previousPeriod, type DatedFile, type Period } from './periods.js';
import { LEVELS, type BandKey, type Level } from './types.js';

/** One dated point of history: the evaluation of one score file. */
export interface HistoryPoint {
  /** ISO date of the evaluation (the file's date by the rule `report` uses). */
  date: string;
  /** The score file it was read from. */
  path: string;
  evaluation: Evaluation;
}

// ---------------------------------------------------------------------------------------------
// Points

/** A file left out because another file has the same date. */
export interface SameDate<P> {
  file: P;
  /** The file kept for that date. */
  kept: P;
}

/**
 * One point per date, oldest first. Of two files with one date the one `report` would take is
 * kept (newestFirst: the later name); the other is returned apart, to be told.
 */
export function onePerDate<P extends DatedFile>(files: readonly P[]): { points: P[]; sameDate: SameDate<P>[] } {
  const kept = new Map<string, P>();
  const sameDate: SameDate<P>[] = [];
  for (const f of newestFirst(files) as P[]) {
    const first = kept.get(f.date);
    if (first) sameDate.push({ file: f, kept: first });
    else kept.set(f.date, f);
  }
  return { points: [...kept.values()].reverse(), sameDate };
}

/** The points dated from `from` to `to` (ISO dates, inclusive; either may be absent). */
export function pointsBetween<P extends { date: string }>(points: readonly P[], from?: string, to?: string): P[] {
  return points.filter((p) => (from === undefined || p.date >= from) && (to === undefined || p.date <= to));
}

// ---------------------------------------------------------------------------------------------
// The province and the band counts, date by date

/** The province's score and rank on one date; `of`: how many provinces were ranked (null when unknown). */
export interface ProvincePoint {
  date: string;
  score: number;
  rank: number | null;
  of: number | null;
}

/** The province over time, oldest first: what a trend chart draws. */
export interface ProvinceSeries {
  /** The province as the configuration names it; null when no point has it. */
  name: string | null;
  points: ProvincePoint[];
  /** Dates whose data have no score of the province (no province sheet, or the province not in it). */
  missing: string[];
}

/** The province's point of one evaluation, or null when its data have no score of the province. */
export function provincePoint(point: HistoryPoint): ProvincePoint | null {
  const p = point.evaluation.province;
  return p ? { date: point.date, score: p.score, rank: p.rank, of: p.of } : null;
}

/** The province's score and rank at each point that has them, oldest first. */
export function provinceSeries(points: readonly HistoryPoint[]): ProvinceSeries {
  const series: ProvinceSeries = { name: null, points: [], missing: [] };
  for (const point of points) {
    const p = provincePoint(point);
    if (p) {
      series.points.push(p);
      series.name ??= point.evaluation.province!.name;
    } else series.missing.push(point.date);
  }
  return series;
}

/** How the units of one level were classified on one date. */
export interface LevelCounts {
  units: number;
  /** Units with data. */
  rated: number;
  counts: Counts;
}

/** One row of the history: a date, the province's figures and the band counts of each level. */
export interface HistoryRow {
  date: string;
  path: string;
  province: ProvincePoint | null;
  /** The levels present that day (only `levels` when given), in LEVELS order. */
  levels: Partial<Record<Level, LevelCounts>>;
}

/** One row per point, oldest first; `levels` restricts the band counts to those levels. */
export function historyRows(points: readonly HistoryPoint[], levels: readonly Level[] = LEVELS): HistoryRow[] {
  return points.map((point) => {
    const counts: Partial<Record<Level, LevelCounts>> = {};
    for (const level of LEVELS) {
      const r = point.evaluation.levels[level];
      if (r && levels.includes(level)) counts[level] = { units: r.units.length, rated: r.rated, counts: { ...r.counts } };
    }
    return { date: point.date, path: point.path, province: provincePoint(point), levels: counts };
  });
}

// ---------------------------------------------------------------------------------------------
// One unit over time

/** A unit on one date: its score, band and rank among the `of` units of its level with data. */
export interface UnitPoint {
  date: string;
  /** null: listed without data that day. */
  score: number | null;
  band: BandKey | null;
  rank: number | null;
  of: number;
}

export interface UnitSeries {
  /** The unit's name on its latest date ("UBND xã Ea Ly"). */
  name: string;
  shortName: string;
  /** Matches the unit across dates (names.ts nameKey). */
  key: string;
  level: Level;
  points: UnitPoint[];
  /** Dates that have the unit's level but not the unit. */
  absent: string[];
}

/** A unit asked for by name: its series, or the names it may have meant. */
export type UnitLookup =
  | { series: UnitSeries; candidates?: undefined }
  | { series: null; candidates: { name: string; level: Level }[]; ambiguous: boolean };

/** The part of a key after the kind: "xa:ea ly" → "ea ly". */
function keyName(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** Edit distance of two short strings (names folded for matching). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The latest unit of each key at `levels`, each with its level. */
function knownUnits(points: readonly HistoryPoint[], levels: readonly Level[]): Map<string, { unit: ScoredUnit; level: Level }> {
  const known = new Map<string, { unit: ScoredUnit; level: Level }>();
  for (const point of points) {
    for (const level of levels) {
      for (const unit of point.evaluation.levels[level]?.units ?? []) known.set(`${level} ${unit.key}`, { unit, level });
    }
  }
  return known;
}

/**
 * A unit's score, band and rank over time. The name is matched as units are matched across dates
 * (names.ts nameKey: "UBND xã Ea Ly", "xã Ea Ly", "Ea Ly", "EA LY" are one unit); "Ea Ly" alone
 * matches the unit of any kind with that name, and is ambiguous when two have it (xã and huyện
 * Ea Kar before 2025): then, or when nothing matches, the lookup gives the names it may have
 * meant (close by spelling, folded), and no series.
 */
export function unitSeries(points: readonly HistoryPoint[], query: string, level?: Level): UnitLookup {
  const levels = level ? [level] : LEVELS;
  const known = [...knownUnits(points, levels).values()];
  const asked = nameKey(query);
  let matches = known.filter((k) => k.unit.key === asked);
  if (matches.length === 0) matches = known.filter((k) => keyName(k.unit.key) === keyName(asked));
  const distinct = new Map(matches.map((m) => [`${m.level} ${m.unit.key}`, m]));
  if (distinct.size !== 1) {
    const describe = (list: typeof known) => list.map((k) => ({ name: k.unit.name, level: k.level }));
    if (distinct.size > 1) return { series: null, candidates: describe([...distinct.values()]), ambiguous: true };
    const folded = foldVietnamese(query);
    const near = known
      .map((k) => {
        const name = foldVietnamese(k.unit.shortName);
        const d = name.includes(folded) || folded.includes(name) ? 0 : editDistance(name, folded);
        return { k, d };
      })
      .filter((x) => x.d <= Math.max(2, Math.floor(folded.length / 4)))
      .sort((a, b) => a.d - b.d || a.k.unit.name.localeCompare(b.k.unit.name, 'vi'))
      .slice(0, 8);
    return { series: null, candidates: describe(near.map((x) => x.k)), ambiguous: false };
  }
  const { unit: latest, level: found } = [...distinct.values()][0]!;
  const series: UnitSeries = { name: latest.name, shortName: latest.shortName, key: latest.key, level: found, points: [], absent: [] };
  for (const point of points) {
    const result = point.evaluation.levels[found];
    if (!result) continue;
    const u = result.units.find((x) => x.key === latest.key);
    if (u) series.points.push({ date: point.date, score: u.score, band: u.band, rank: u.rank, of: result.rated });
    else series.absent.push(point.date);
  }
  return series.points.length ? { series } : { series: null, candidates: [], ambiguous: false };
}

// ---------------------------------------------------------------------------------------------
// Units at the bottom

/** Which units are at the bottom: the N lowest, or every one below a score. */
export type BottomChoice = { bottom: number } | { below: number };

/**
 * The units of a level at the bottom, best score first: the `bottom` lowest with any tied with the
 * N-th from the bottom, or all below `below` (strictly). Units without data are never at the bottom.
 */
export function bottomUnits(level: LevelResult, choice: BottomChoice): ScoredUnit[] {
  const rated = level.units.filter((u) => u.score !== null);
  if (rated.length === 0) return [];
  if ('below' in choice) return rated.filter((u) => u.score! < choice.below);
  const n = Math.min(choice.bottom, rated.length);
  const cut = rated[rated.length - n]!.score!;
  return rated.filter((u) => u.score! <= cut);
}

/** A unit at the bottom at every date of a streak; `points` oldest first. */
export interface StreakUnit {
  name: string;
  shortName: string;
  key: string;
  points: { date: string; score: number; rank: number; of: number }[];
}

export interface Streak {
  level: Level;
  choice: BottomChoice;
  /** The dates, oldest first: the last `length` evaluation dates with scores at the level. */
  dates: string[];
  /** The dates lie in consecutive Monday-to-Sunday weeks, one in each (so "liên tục K tuần" holds). */
  weekly: boolean;
  /** Best score on the last date first, as the letter lists them. */
  units: StreakUnit[];
}

const DAY_MS = 86_400_000;

/** The Monday of an ISO date's week, in days since 1970-01-01 (calendar arithmetic, no time zone). */
function mondayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const days = Date.UTC(y, m - 1, d) / DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  return days - ((((days + 3) % 7) + 7) % 7);
}

/** Whether ISO dates (oldest first) fall one in each of consecutive Monday-to-Sunday weeks. */
export function consecutiveWeeks(dates: readonly string[]): boolean {
  const mondays = dates.map(mondayOf);
  return mondays.every((m, i) => i === 0 || m - mondays[i - 1]! === 7);
}

export interface StreakOptions {
  level: Level;
  choice: BottomChoice;
  /** K: how many evaluation dates in a row; at least 1. */
  length: number;
  /** The last date considered (inclusive); by default the newest point. */
  until?: string | undefined;
}

/**
 * The units that were at the bottom of their level (`choice`) at each of the last `length`
 * evaluation dates up to `until` that have scores at the level. Units are matched across dates by
 * their key (names.ts). Fewer dates than `length` is a data error that says how many there are.
 */
export function findStreak(points: readonly HistoryPoint[], opts: StreakOptions): Streak {
  if (!Number.isInteger(opts.length) || opts.length < 1) throw new RangeError(`findStreak: length ${opts.length}`);
  const scored = points.filter((p) => (opts.until === undefined || p.date <= opts.until) && (p.evaluation.levels[opts.level]?.rated ?? 0) > 0);
  if (scored.length < opts.length) {
    const upTo = opts.until ? ` đến ngày ${formatShortDate(opts.until)}` : '';
    const have = scored.length ? ` (${scored.map((p) => formatShortDate(p.date)).join(', ')})` : '';
    throw new DataError(
      `Lịch sử chỉ có ${scored.length} ngày đánh giá có điểm ${LEVEL_NAMES[opts.level]}${upTo}${have}, cần ${opts.length} ngày liên tiếp.`,
    );
  }
  const window = scored.slice(scored.length - opts.length);
  const bottoms = window.map((p) => {
    const level = p.evaluation.levels[opts.level]!;
    return { date: p.date, of: level.rated, units: new Map(bottomUnits(level, opts.choice).map((u) => [u.key, u])) };
  });
  const last = bottoms[bottoms.length - 1]!;
  const units: StreakUnit[] = [];
  for (const [key, u] of last.units) {
    if (!bottoms.every((b) => b.units.has(key))) continue;
    units.push({
      name: u.name,
      shortName: u.shortName,
      key,
      points: bottoms.map((b) => {
        const x = b.units.get(key)!;
        return { date: b.date, score: x.score!, rank: x.rank!, of: b.of };
      }),
    });
  }
  const dates = window.map((p) => p.date);
  return { level: opts.level, choice: opts.choice, dates, weekly: consecutiveWeeks(dates), units };
}

/** "điểm cấp xã": after "có điểm" in messages. */
const LEVEL_NAMES: Record<Level, string> = {
  tinh: 'của các tỉnh, thành phố',
  so: 'của sở, ban, ngành',
  huyen: 'cấp huyện',
  xa: 'cấp xã',
};

// ---------------------------------------------------------------------------------------------
// The last periods of a kind (a trend chart)

/** A period of a trend and the point that stands for it; null when no file does. */
export interface PeriodPoint<P> {
  period: Period;
  /** "tháng 5/2024", "Quý II năm 2024". */
  label: string;
  point: P | null;
  /** Why this file (chooseFile's reason); null without a point. */
  reason: string | null;
}

/**
 * The last `count` periods of `last`'s kind (week, month, quarter, year) ending with `last`,
 * oldest first, each with the point `report` would evaluate it on: chooseFile (periods.ts: a week's
 * latest file; a month, quarter or year's latest file in the 10 days after it ends, else its
 * latest inside it). As `report` chooses the previous period's file, each period chooses among the
 * points older than the one chosen for a later period, so no point stands for two periods. `points`
 * are any dated items (HistoryPoint, or the DatedFile of a folder scan); they are returned as given.
 */
export function lastPeriods<P extends DatedFile>(points: readonly P[], last: Period, count: number): PeriodPoint<P>[] {
  const out: PeriodPoint<P>[] = [];
  let period = last;
  let before: string | null = null;
  for (let i = 0; i < count; i++) {
    const bound = before;
    const choice = chooseFile(period, bound === null ? points : points.filter((p) => p.date < bound));
    const point = choice ? (choice.file as P) : null;
    out.unshift({ period, label: periodLabel(period), point, reason: choice?.reason ?? null });
    if (point) before = point.date;
    period = previousPeriod(period);
  }
  return out;
}
