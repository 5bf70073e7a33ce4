/**
 * The table of an appendix, written as WordprocessingML directly. Tables of tens of thousands of rows
 * are too slow and too memory-hungry to build as docx objects (an object per property), so the
 * writer builds the table's XML as a string, with the formatting in paragraph styles, and puts it in
 * word/document.xml in place of a marker paragraph (see splice.ts).
 *
 * The table: single black borders, fixed layout, tblGrid and every cell's tcW, a bold centred header
 * row repeated on each page (tblHeader), rows that don't split across pages, each cell ending with a
 * paragraph whose style gives its size and alignment (STT centred, numbers right-aligned per column).
 */
import type { Align, Table } from '../../core/documents/model.js';
import { SMALL_TABLE_COLUMNS } from './sizes.js';
import { BLACK, STYLE } from './styles.js';
import { escapeXmlText, nfc } from './text.js';

/** Left and right cell margin of appendix tables, twips. */
export const APPENDIX_CELL_MARGIN = 57;

/** Scales relative column widths to `total` twips; the widest column takes the rounding remainder. */
export function columnWidths(relative: readonly number[], total: number): number[] {
  const weights = relative.map((w) => (Number.isFinite(w) && w > 0 ? w : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  let widest = 0;
  widths.forEach((w, i) => {
    if (w > widths[widest]!) widest = i;
  });
  widths[widest]! += rest;
  return widths;
}

function styleFor(align: Align, header: string, small: boolean): string {
  const a = /^\s*STT\s*$/i.test(header) ? 'center' : align;
  if (a === 'right') return small ? STYLE.tableRightSmall : STYLE.tableRight;
  if (a === 'center') return small ? STYLE.tableCenterSmall : STYLE.tableCenter;
  return small ? STYLE.tableLeftSmall : STYLE.tableLeft;
}

/** The runs of a cell's text: newlines become line breaks. */
function runsXml(text: string): string {
  if (text === '') return '';
  const t = nfc(text);
  if (!t.includes('\n')) return `<w:r><w:t xml:space="preserve">${escapeXmlText(t)}</w:t></w:r>`;
  return `<w:r>${t
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${escapeXmlText(line)}</w:t>`)
    .join('<w:br/>')}</w:r>`;
}

function cellOpen(width: number, style: string): string {
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>`;
}
const CELL_CLOSE = '</w:p></w:tc>';

/**
 * The `<w:tbl>` of `table`, `width` twips wide. Rows shorter than the header are padded with empty
 * cells; a row longer than the header is an error.
 */
export function appendixTableXml(table: Table, width: number, label = ''): string {
  const { columns, rows } = table;
  if (columns.length === 0) throw new RangeError(`appendix ${label} table has no columns`);
  const small = columns.length > SMALL_TABLE_COLUMNS;
  const widths = columnWidths(
    columns.map((c) => c.width),
    width,
  );
  const headStyle = small ? STYLE.tableHeadSmall : STYLE.tableHead;
  const headOpen = widths.map((w) => cellOpen(w, headStyle));
  const bodyOpen = widths.map((w, i) => cellOpen(w, styleFor(columns[i]!.align, columns[i]!.header, small)));
  const emptyRest = bodyOpen.map((_, i) => bodyOpen.slice(i).map((open) => open + CELL_CLOSE).join(''));

  const border = (side: string): string => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BLACK}"/>`;
  const parts: string[] = [
    '<w:tbl><w:tblPr>',
    `<w:tblW w:w="${width}" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="0" w:type="dxa"/>`,
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="${APPENDIX_CELL_MARGIN}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${APPENDIX_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar>`,
    '</w:tblPr><w:tblGrid>',
    widths.map((w) => `<w:gridCol w:w="${w}"/>`).join(''),
    '</w:tblGrid>',
    '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>',
    columns.map((c, i) => headOpen[i] + runsXml(c.header) + CELL_CLOSE).join(''),
    '</w:tr>',
  ];
  const n = columns.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length > n) {
      throw new RangeError(`appendix ${label} row ${r + 1} has ${row.length} cells for ${n} columns`);
    }
    let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let c = 0; c < row.length; c++) xml += bodyOpen[c] + runsXml(String(row[c] ?? '')) + CELL_CLOSE;
    if (row.length < n) xml += emptyRest[row.length];
    parts.push(xml + '</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}
