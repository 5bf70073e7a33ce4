import type { Evaluation } from './evaluation.js';
import type { BandKey, CountKey, Dataset, Level, SkippedRow, SkippedSheet, Warning } from './types.js';

/** What `check --json` prints; scripts rely on this shape. */
export interface CheckSummary {
  date: string | null;
  dateSource: Dataset['dateSource'];
  files: string[];
  levels: Partial<Record<Level, { units: number; counts: Record<CountKey, number> }>>;
  province: { name: string; score: number; rank: number | null; of: number | null } | null;
  /** Every unit read, level by level, best first: for scripts that cross-check a document. */
  units: Array<{ name: string; level: Level; total: number | null; band: BandKey | null; rank: number | null }>;
  warnings: string[];
  skippedSheets: SkippedSheet[];
  /** Rows inside score tables that were not read as units (totals, averages, repeated headers). */
  skippedRows: SkippedRow[];
}

/** The counts of each level and the province's figures, as --json tells them. */
export function evaluationFigures(ev: Evaluation): Pick<CheckSummary, 'levels' | 'province'> {
  const levels: CheckSummary['levels'] = {};
  for (const [level, r] of Object.entries(ev.levels) as [Level, NonNullable<Evaluation['levels'][Level]>][]) {
    levels[level] = { units: r.units.length, counts: { ...r.counts } };
  }
  const p = ev.province;
  return { levels, province: p ? { name: p.name, score: p.score, rank: p.rank, of: p.of } : null };
}

export function summarize(dataset: Dataset, ev: Evaluation, describeWarning: (w: Warning) => string): CheckSummary {
  const { levels, province } = evaluationFigures(ev);
  return {
    date: ev.date,
    dateSource: ev.dateSource,
    files: dataset.files,
    levels,
    province,
    units: Object.values(ev.levels).flatMap((r) =>
      r.units.map((u) => ({ name: u.name, level: u.level, total: u.score, band: u.band, rank: u.rank })),
    ),
    warnings: ev.warnings.map(describeWarning),
    skippedSheets: dataset.skippedSheets,
    skippedRows: dataset.skippedRows,
  };
}
