import { formatExact, round } from './format-vi.js';
import type { GroupKey, SheetUnit, Warning } from './types.js';
import { GROUP_KEYS } from './types.js';

export type GroupMaxima = Record<GroupKey, { max: number }>;

export interface UnitScore {
  /** Points per group present, rounded to 2 decimals. */
  groups: Partial<Record<GroupKey, number>>;
  /** Rounded to 2 decimals; null when the unit has no data. */
  score: number | null;
}

/** Largest gap between a published total and the sum of the groups that passes silently. */
export const TOTAL_TOLERANCE = 0.01;

/**
 * Points of one unit. A rate becomes rate × max / 100 (QĐ 766 as applied by the office: 75% of
 * Số hóa hồ sơ is 75 × 22 / 100 = 16,5 points). The published total is the score when present
 * (the portal computes it for communes and districts); a total that is off the groups' sum by more
 * than 0,01 is kept and warned about.
 */
export function scoreUnit(unit: SheetUnit, maxima: GroupMaxima, warnings: Warning[]): UnitScore {
  const groups: Partial<Record<GroupKey, number>> = {};
  let sum = 0;
  let any = false;
  for (const key of GROUP_KEYS) {
    const v = unit.values[key];
    if (!v) continue;
    const points = v.kind === 'rate' ? (v.value * maxima[key].max) / 100 : v.value;
    groups[key] = round(points, 2);
    sum += points;
    any = true;
  }
  if (!any && unit.total === undefined) return { groups, score: null };
  if (unit.total === undefined) return { groups, score: round(sum, 2) };
  if (any && Math.abs(unit.total - sum) > TOTAL_TOLERANCE + 1e-9) {
    warnings.push({
      message: `${unit.name}: tổng điểm công bố ${formatExact(unit.total)} khác tổng các nhóm ${formatExact(sum)}; dùng tổng điểm công bố.`,
      origin: unit.origin,
    });
  }
  return { groups, score: round(unit.total, 2) };
}

/** The 22-point online group of QĐ 766: the `dvtt` column, or the sum of its two halves. */
export function onlineServicesPoints(groups: Partial<Record<GroupKey, number>>): number | undefined {
  if (groups.dvtt !== undefined) return groups.dvtt;
  if (groups.dvctt === undefined && groups.tttt === undefined) return undefined;
  return round((groups.dvctt ?? 0) + (groups.tttt ?? 0), 2);
}
