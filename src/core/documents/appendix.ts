import type { DocumentSettings } from './settings.js';
import type { LevelComparison } from '../comparison.js';
import type { LevelResult } from '../evaluation.js';
import { formatMax, formatTableChange, formatTableScore } from '../format-vi.js';
import { LEVEL_WORDING } from '../labels.js';
import type { Appendix, TableColumn } from './model.js';

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
