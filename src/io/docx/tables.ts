/** The borderless two-column layout tables of the first page (header) and of the signature. */
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import { HEADER_CELL_MARGIN, type Geometry } from './page.js';

/** The inner width of a layout-table cell: its width less the left and right cell margins. */
export function cellArea(cellWidth: number): number {
  return cellWidth - 2 * HEADER_CELL_MARGIN;
}

/**
 * A borderless fixed-layout table with the header's two columns, one row per entry of `rows`
 * (left cell's paragraphs, right cell's paragraphs). `top` is a top cell margin in twips.
 */
export function layoutTable(
  geometry: Geometry,
  rows: readonly (readonly [Paragraph[], Paragraph[]])[],
  options: { top?: number; cantSplit?: boolean } = {},
): Table {
  const [left, right] = geometry.columns;
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    indent: { size: 0, type: WidthType.DXA },
    borders: TableBorders.NONE,
    margins: {
      top: options.top ?? 0,
      bottom: 0,
      left: HEADER_CELL_MARGIN,
      right: HEADER_CELL_MARGIN,
      marginUnitType: WidthType.DXA,
    },
    rows: rows.map(
      ([l, r]) =>
        new TableRow({
          ...(options.cantSplit ? { cantSplit: true } : {}),
          children: [
            new TableCell({ width: { size: left, type: WidthType.DXA }, children: nonEmpty(l) }),
            new TableCell({ width: { size: right, type: WidthType.DXA }, children: nonEmpty(r) }),
          ],
        }),
    ),
  });
}

/** Word refuses a cell that does not end with a paragraph. */
function nonEmpty(children: Paragraph[]): Paragraph[] {
  return children.length > 0 ? children : [new Paragraph({})];
}
