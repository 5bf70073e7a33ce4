import type { DocumentSettings } from './settings.js';
import type { LevelComparison } from '../comparison.js';
import type { LevelResult } from '../evaluation.js';
import { capitalize, formatMax, formatShortDate, formatTableChange, formatTableScore } from '../format-vi.js';
import { LEVEL_WORDING } from '../labels.js';
import { periodLabel } from '../periods.js';
import type { TrendEntry } from '../trend.js';
import type { Level } from '../types.js';
import type { Appendix, Table, TableColumn } from './model.js';

export const NO_DATA_LABEL = 'Không có dữ liệu';
export const NEW_UNIT_LABEL = 'mới';
/** The change column's header when the earlier data are the previous period's. */
export const CHANGE_HEADER = 'So với kỳ trước';

/**
 * The Phụ lục table of one level: STT, unit, one column per group of the data with its maximum,
 * total, Xếp loại, Xếp hạng and, with a previous period, the score change. Best first; units
 * without data last.
 */
export function levelAppendix(
  result: LevelResult,
  number: string,
  note: string,
  config: DocumentSettings,
  comparison: LevelComparison | null,
  changeHeader = CHANGE_HEADER,
): Appendix {
  const bandLabel = new Map(config.bands.map((b) => [b.key, b.label]));
  const columns: TableColumn[] = [
    { header: 'STT', width: 5, align: 'center', oneLine: true },
    { header: result.level === 'so' ? 'Tên cơ quan, đơn vị' : 'Tên đơn vị', width: 30, align: 'left' },
    ...result.groups.map((g): TableColumn => ({
      header: `${config.groups[g].label} (${formatMax(config.groups[g].max)})`,
      width: 10,
      align: 'right',
      oneLine: true,
    })),
    { header: 'Tổng điểm (100)', width: 9, align: 'right', oneLine: true },
    { header: 'Xếp loại', width: 10, align: 'center', oneLine: true },
    { header: 'Xếp hạng', width: 7, align: 'center', oneLine: true },
  ];
  if (comparison) columns.push({ header: changeHeader, width: 9, align: 'right', oneLine: true });

  const rows = result.units.map((u, i) => {
    const cells = [String(i + 1), u.name];
    for (const g of result.groups) cells.push(u.score === null || u.groups[g] === undefined ? '' : formatTableScore(u.groups[g]!));
    cells.push(u.score === null ? '' : formatTableScore(u.score));
    cells.push(u.band ? bandLabel.get(u.band)! : NO_DATA_LABEL);
    cells.push(u.rank === null ? '' : String(u.rank));
    if (comparison) {
      const change = comparison.units.get(u.key);
      cells.push(
        u.score === null
          ? ''
          : !change
            ? NEW_UNIT_LABEL
            : change.scoreDelta === null
              ? ''
              : formatTableChange(change.scoreDelta),
      );
    }
    return cells;
  });

  return {
    number,
    title: LEVEL_WORDING[result.level].appendixTitle,
    note,
    landscape: columns.length > 6,
    tables: [{ table: { columns, rows } }],
  };
}

/** The title of the trend appendix: the units' totals over the trend's periods. */
export const TREND_APPENDIX_TITLE = 'DIỄN BIẾN ĐIỂM SỐ CỦA CÁC ĐƠN VỊ';

/**
 * The levels the trend appendix lists: each level of the report's data (the last entry) that at
 * least one earlier period of the trend also has, in level order.
 */
export function trendLevels(entries: readonly TrendEntry[]): Level[] {
  const now = entries.at(-1)?.evaluation;
  if (!now) return [];
  return (Object.keys(now.levels) as Level[]).filter(
    (level) => level !== 'tinh' && entries.slice(0, -1).some((e) => e.evaluation?.levels[level] !== undefined),
  );
}

/**
 * The table of one level in the trend appendix: STT, unit, its total on each date of the trend that
 * has the level (oldest first; empty where the unit has no score that day), its Xếp loại now. The
 * units are the report's, in its order (best first, units without data last), matched across
 * dates by name as the comparison with the previous period matches them.
 */
export function trendTable(entries: readonly TrendEntry[], level: Level, config: DocumentSettings): Table {
  const dated = entries.flatMap((e) => {
    const result = e.evaluation?.levels[level];
    return result ? [{ period: e.period, date: e.evaluation!.date, scores: new Map(result.units.map((u) => [u.key, u.score])) }] : [];
  });
  const now = entries.at(-1)!.evaluation!.levels[level]!;
  const bandLabel = new Map(config.bands.map((b) => [b.key, b.label]));
  const columns: TableColumn[] = [
    { header: 'STT', width: 5, align: 'center', oneLine: true },
    { header: level === 'so' ? 'Tên cơ quan, đơn vị' : 'Tên đơn vị', width: 30, align: 'left' },
    ...dated.map((d): TableColumn => ({
      header: `${capitalize(periodLabel(d.period))}\n(${formatShortDate(d.date)})`,
      width: 10,
      align: 'right',
      oneLine: true,
    })),
    { header: 'Xếp loại', width: 10, align: 'center', oneLine: true },
  ];
  const rows = now.units.map((u, i) => [
    String(i + 1),
    u.name,
    ...dated.map((d) => {
      const score = d.scores.get(u.key);
      return score === undefined || score === null ? '' : formatTableScore(score);
    }),
    u.band ? bandLabel.get(u.band)! : NO_DATA_LABEL,
  ]);
  return { columns, rows };
}

/**
 * The trend appendix: one table per level of trendLevels, each under the level's name, landscape;
 * null when no level has an earlier period.
 */
export function trendAppendix(entries: readonly TrendEntry[], number: string, note: string, config: DocumentSettings): Appendix | null {
  const levels = trendLevels(entries);
  if (levels.length === 0) return null;
  return {
    number,
    title: TREND_APPENDIX_TITLE,
    note,
    landscape: true,
    tables: levels.map((level) => ({ heading: LEVEL_WORDING[level].heading.replace(/:$/, ''), table: trendTable(entries, level, config) })),
  };
}
