import { emptyCounts, type Counts, type Evaluation, type LevelResult } from './evaluation.js';
import { round } from './format-vi.js';
import type { BandKey, Level } from './types.js';
import { BAND_KEYS, LEVELS, NO_DATA } from './types.js';

export interface UnitChange {
  /** Current minus previous, rounded to 2 decimals; null when either date has no score. */
  scoreDelta: number | null;
  /** Previous rank minus current rank: positive means the unit moved up. */
  rankChange: number | null;
  previousBand: BandKey | null;
}

export interface LevelComparison {
  level: Level;
  /** Current count minus previous count, per band and for units without data. */
  countDelta: Counts;
  /** By unit key; units present at both dates. */
  units: Map<string, UnitChange>;
  /** Names of units that entered or left each band. */
  entered: Record<BandKey, string[]>;
  left: Record<BandKey, string[]>;
  onlyCurrent: string[];
  onlyPrevious: string[];
}

export interface Comparison {
  previousDate: string | null;
  province: { scoreDelta: number; rankChange: number | null } | null;
  levels: Partial<Record<Level, LevelComparison>>;
}

/** What changed between two evaluation dates, level by level. */
export function compare(current: Evaluation, previous: Evaluation): Comparison {
  const levels: Partial<Record<Level, LevelComparison>> = {};
  for (const level of LEVELS) {
    const cur = current.levels[level];
    const prev = previous.levels[level];
    if (cur && prev) levels[level] = compareLevel(cur, prev);
  }
  const cp = current.province;
  const pp = previous.province;
  return {
    previousDate: previous.date,
    province:
      cp && pp
        ? {
            scoreDelta: round(cp.score - pp.score, 2),
            rankChange: cp.rank !== null && pp.rank !== null ? pp.rank - cp.rank : null,
          }
        : null,
    levels,
  };
}

function compareLevel(cur: LevelResult, prev: LevelResult): LevelComparison {
  const countDelta = emptyCounts();
  for (const k of [...BAND_KEYS, NO_DATA] as const) countDelta[k] = cur.counts[k] - prev.counts[k];
  const entered = bandLists();
  const left = bandLists();
  const units = new Map<string, UnitChange>();
  const prevByKey = new Map(prev.units.map((u) => [u.key, u]));
  const onlyCurrent: string[] = [];
  for (const u of cur.units) {
    const p = prevByKey.get(u.key);
    if (!p) {
      onlyCurrent.push(u.name);
      if (u.band) entered[u.band].push(u.name);
      continue;
    }
    units.set(u.key, {
      scoreDelta: u.score !== null && p.score !== null ? round(u.score - p.score, 2) : null,
      rankChange: u.rank !== null && p.rank !== null ? p.rank - u.rank : null,
      previousBand: p.band,
    });
    if (u.band !== p.band) {
      if (u.band) entered[u.band].push(u.name);
      if (p.band) left[p.band].push(p.name);
    }
  }
  const curKeys = new Set(cur.units.map((u) => u.key));
  const onlyPrevious = prev.units.filter((u) => !curKeys.has(u.key)).map((u) => u.name);
  for (const p of prev.units) if (!curKeys.has(p.key) && p.band) left[p.band].push(p.name);
  return { level: cur.level, countDelta, units, entered, left, onlyCurrent, onlyPrevious };
}

function bandLists(): Record<BandKey, string[]> {
  return { 'xuat-sac': [], tot: [], kha: [], 'trung-binh': [], yeu: [] };
}
