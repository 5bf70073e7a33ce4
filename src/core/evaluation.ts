import { classify, type Band } from './bands.js';
import { nameKey, shortName } from './names.js';
import { competitionRanks } from './rank.js';
import { scoreUnit, type GroupMaxima } from './scoring.js';
import type { BandKey, CountKey, Dataset, DateSource, GroupKey, Level, Origin, Warning } from './types.js';
import { LEVELS, NO_DATA } from './types.js';
import { optionRef } from './option-ref.js';

export interface ScoredUnit {
  name: string;
  shortName: string;
  /** Matches the same unit across dates. */
  key: string;
  code?: string;
  level: Level;
  groups: Partial<Record<GroupKey, number>>;
  /** Rounded to 2 decimals; null: no data. */
  score: number | null;
  band: BandKey | null;
  rank: number | null;
  /** Rank as printed in the file, when it has a rank column. */
  publishedRank?: number;
  origin: Origin;
}

export type Counts = Record<CountKey, number>;

export interface LevelResult {
  level: Level;
  /** Group columns of the data, in GROUP_KEYS order. */
  groups: GroupKey[];
  /** Best first, ties in input order, units without data last. */
  units: ScoredUnit[];
  counts: Counts;
  /** Units with data. */
  rated: number;
}

export interface ProvinceResult {
  name: string;
  score: number;
  rank: number | null;
  of: number | null;
  groups: Partial<Record<GroupKey, number>>;
}

export interface Evaluation {
  date: string | null;
  dateSource: DateSource;
  levels: Partial<Record<Level, LevelResult>>;
  province: ProvinceResult | null;
  warnings: Warning[];
}

export interface EvaluationSettings {
  groups: GroupMaxima;
  bands: readonly Band[];
  provinceName: string;
}

export function emptyCounts(): Counts {
  return { 'xuat-sac': 0, tot: 0, kha: 0, 'trung-binh': 0, yeu: 0, [NO_DATA]: 0 };
}

/** Scores, classifies and ranks every unit of a dataset, level by level. */
export function evaluate(dataset: Dataset, settings: EvaluationSettings): Evaluation {
  const warnings = [...dataset.warnings];
  const levels: Partial<Record<Level, LevelResult>> = {};
  for (const sheet of dataset.sheets) {
    const scored = sheet.units.map((u): ScoredUnit => {
      const { groups, score } = scoreUnit(u, settings.groups, warnings);
      return {
        name: u.name,
        shortName: shortName(u.name),
        key: nameKey(u.name),
        ...(u.code !== undefined ? { code: u.code } : {}),
        level: u.level,
        groups,
        score,
        band: score === null ? null : classify(score, settings.bands).key,
        rank: null,
        ...(u.publishedRank !== undefined ? { publishedRank: u.publishedRank } : {}),
        origin: u.origin,
      };
    });
    const ranks = competitionRanks(scored.map((u) => u.score));
    scored.forEach((u, i) => (u.rank = ranks[i] ?? null));
    const units = scored
      .map((u, i) => ({ u, i }))
      .sort((a, b) => order(a.u) - order(b.u) || a.i - b.i)
      .map((x) => x.u);
    const counts = emptyCounts();
    for (const u of units) counts[u.band ?? NO_DATA]++;
    levels[sheet.level] = {
      level: sheet.level,
      groups: sheet.groups,
      units,
      counts,
      rated: units.length - counts[NO_DATA],
    };
  }
  const province = findProvince(levels.tinh, settings.provinceName);
  if (levels.tinh && !province) {
    const { file, sheet } = dataset.sheets.find((s) => s.level === 'tinh')!;
    warnings.push({
      message: `${file}, sheet "${sheet}": không có điểm của tỉnh ${settings.provinceName}, nên không có điểm và thứ hạng của tỉnh (kiểm tra ${optionRef('province')} hoặc province.name trong cấu hình).`,
    });
  }
  return {
    date: dataset.date,
    dateSource: dataset.dateSource,
    levels: orderLevels(levels),
    province,
    warnings,
  };
}

function order(u: ScoredUnit): number {
  return u.rank ?? Number.MAX_SAFE_INTEGER;
}

function orderLevels(levels: Partial<Record<Level, LevelResult>>): Partial<Record<Level, LevelResult>> {
  const out: Partial<Record<Level, LevelResult>> = {};
  for (const l of LEVELS) if (levels[l]) out[l] = levels[l];
  return out;
}

/**
 * The province of the office among the provinces of the `tinh` level. A sheet that holds only
 * the province itself gives its published rank, without the number of provinces.
 */
function findProvince(tinh: LevelResult | undefined, provinceName: string): ProvinceResult | null {
  if (!tinh) return null;
  const key = nameKey(provinceName);
  const unit = tinh.units.find((u) => nameKey(u.shortName) === key);
  if (!unit || unit.score === null) return null;
  const alone = tinh.rated === 1;
  return {
    name: provinceName,
    score: unit.score,
    rank: alone ? (unit.publishedRank ?? null) : unit.rank,
    of: alone ? null : tinh.rated,
    groups: unit.groups,
  };
}
