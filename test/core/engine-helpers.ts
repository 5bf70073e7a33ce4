import { DEFAULT_CONFIG } from '../../src/config/default.js';
import type { EvaluationSettings } from '../../src/core/evaluation.js';
import type { Dataset, GroupKey, GroupValue, Level, ScoreSheet, SheetUnit } from '../../src/core/types.js';

export const SETTINGS: EvaluationSettings = {
  groups: DEFAULT_CONFIG.groups,
  bands: DEFAULT_CONFIG.bands,
  provinceName: DEFAULT_CONFIG.province.name,
};

let row = 1;

/** A unit with its total only (the portal's published total), or no data when total is null. */
export function unit(name: string, level: Level, total: number | null, values: Partial<Record<GroupKey, GroupValue>> = {}): SheetUnit {
  return {
    name,
    level,
    values,
    ...(total !== null ? { total } : {}),
    origin: { file: 'test.xlsx', sheet: level, row: ++row },
  };
}

export function points(v: Partial<Record<GroupKey, number>>): Partial<Record<GroupKey, GroupValue>> {
  return Object.fromEntries(Object.entries(v).map(([k, n]) => [k, { value: n, kind: 'points' }]));
}

export function rates(v: Partial<Record<GroupKey, number>>): Partial<Record<GroupKey, GroupValue>> {
  return Object.fromEntries(Object.entries(v).map(([k, n]) => [k, { value: n, kind: 'rate' }]));
}

export function sheet(level: Level, units: SheetUnit[], groups: GroupKey[] = []): ScoreSheet {
  return { file: 'test.xlsx', sheet: level, level, groups, units };
}

export function dataset(sheets: ScoreSheet[], date: string | null = '2025-11-14'): Dataset {
  return { date, dateSource: date ? 'title' : 'unknown', files: ['test.xlsx'], sheets, skippedSheets: [], skippedRows: [], warnings: [] };
}
