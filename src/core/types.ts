/** Levels of units scored by the index (shared/spec/inputs.md §4). */
export const LEVELS = ['tinh', 'so', 'huyen', 'xa'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Score groups of QĐ 766. `dvtt` is the 22-point online group of five-group data; six-group data
 * split it into `dvctt` (12) and `tttt` (10).
 */
export const GROUP_KEYS = ['ckmb', 'tdgq', 'dvctt', 'tttt', 'dvtt', 'mdhl', 'mdsh'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export const BAND_KEYS = ['xuat-sac', 'tot', 'kha', 'trung-binh', 'yeu'] as const;
export type BandKey = (typeof BAND_KEYS)[number];
export const NO_DATA = 'khong-du-lieu' as const;
export type CountKey = BandKey | typeof NO_DATA;

/** Where a value was read: file, sheet, 1-based row and column letter. */
export interface Origin {
  file: string;
  sheet: string;
  row: number;
  column?: string;
}

/** A group cell as read: a number that is either points or a rate in percent. */
export interface GroupValue {
  value: number;
  kind: 'points' | 'rate';
}

/** One unit row of a score sheet, values parsed and range-checked by the reader. */
export interface SheetUnit {
  /** Normalised full name as printed in tables ("UBND xã Ea Ly"). */
  name: string;
  code?: string;
  level: Level;
  /** Empty when the unit has no data. */
  values: Partial<Record<GroupKey, GroupValue>>;
  total?: number;
  publishedRank?: number;
  origin: Origin;
}

/** One sheet's table, interpreted: the units of one level. */
export interface ScoreSheet {
  file: string;
  sheet: string;
  level: Level;
  /** Group columns present in the sheet, in GROUP_KEYS order. */
  groups: GroupKey[];
  units: SheetUnit[];
}

export interface Warning {
  message: string;
  origin?: Origin;
}

export interface SkippedSheet {
  file: string;
  sheet: string;
  reason: string;
}

/** A row of a score table that is not a unit: a total or average row, a repeated header. */
export interface SkippedRow {
  file: string;
  sheet: string;
  row: number;
  /** The row's label as written ("Trung bình cộng"). */
  label: string;
  reason: string;
}

export type DateSource = 'option' | 'title' | 'filename' | 'unknown';

/** Everything read for one evaluation date: the input of the engine. */
export interface Dataset {
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  date: string | null;
  dateSource: DateSource;
  files: string[];
  sheets: ScoreSheet[];
  skippedSheets: SkippedSheet[];
  skippedRows: SkippedRow[];
  warnings: Warning[];
  /** Choices the reader made that the user should know, e.g. the sheet taken for the period. */
  notes?: string[];
}
