/**
 * The table of an appendix, written as WordprocessingML directly. Tables of tens of thousands of rows
 * are too slow and too memory-hungry to build as docx objects (an object per property), so the
 * writer builds the table's XML as a string, with the formatting in paragraph styles, and puts it in
 * word/document.xml in place of a marker paragraph (see splice.ts).
 *
 * The table: single black borders, fixed layout, tblGrid and every cell's tcW, a bold centred header
 * row repeated on each page (tblHeader), rows that don't split across pages, each cell ending with a
 * paragraph whose style gives its size and alignment (STT centred, numbers right-aligned per column,
 * 1 mm in from the cell margin). Columns the model marks one-line (figures, Xếp loại, Xếp hạng) are
 * widened to their widest cell, measured with Times New Roman metrics, at the expense of the names.
 */
import type { Align, Table, TableColumn } from '../../core/documents/model.js';
import { DataError } from '../../core/errors.js';
import { textWidth } from './measure.js';
import { SIZE, SMALL_TABLE_COLUMNS } from './sizes.js';
import { BLACK, FIGURE_RIGHT_INDENT, STYLE } from './styles.js';
import { escapeXmlText, nfc } from './text.js';

/** Left and right cell margin of appendix tables, twips (1.5 mm). */
export const APPENDIX_CELL_MARGIN = 85;
/** Room left in a one-line column beyond its widest cell, for renderers' rounding: 1.5 pt. */
export const ONE_LINE_SLACK = 30;
/** A column that may wrap is not narrowed below this to make room for one-line columns: 1.5 cm. */
export const MIN_WRAPPING_COLUMN = 850;

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

/**
 * The narrowest a column may be: its header's longest word in bold (headers wrap between words
 * only) and, for a one-line column, its widest body cell with the figures' right indent; plus the
 * cell margins and some slack.
 */
export function minColumnWidth(column: TableColumn, cells: Iterable<string>, sizePt: number): number {
  let header = 0;
  for (const word of nfc(column.header).split(/\s+/)) header = Math.max(header, textWidth(word, sizePt, 'bold'));
  let body = 0;
  if (column.oneLine) {
    for (const text of cells) {
      for (const line of text.split('\n')) body = Math.max(body, textWidth(line, sizePt, 'regular'));
    }
    if (body > 0 && alignOf(column) === 'right') body += FIGURE_RIGHT_INDENT;
  }
  return Math.ceil(Math.max(header, body) + 2 * APPENDIX_CELL_MARGIN + ONE_LINE_SLACK);
}

/**
 * The columns' widths in twips: the relative widths scaled to `total`, then each column widened to
 * its minColumnWidth, the room taken from the columns that may wrap (in proportion to what they
 * have beyond their own minimum and MIN_WRAPPING_COLUMN). A table too narrow for that keeps what fits.
 */
export function fittedWidths(table: Table, total: number, sizePt: number): number[] {
  const { columns, rows } = table;
  const widths = columnWidths(
    columns.map((c) => c.width),
    total,
  );
  const need = columns.map((c, i) => {
    const distinct = new Set<string>();
    if (c.oneLine) for (const row of rows) distinct.add(nfc(String(row[i] ?? '')));
    return minColumnWidth(c, distinct, sizePt);
  });
  const short = need.map((n, i) => Math.max(0, n - widths[i]!));
  const room = columns.map((c, i) => (c.oneLine ? 0 : Math.max(0, widths[i]! - Math.max(need[i]!, MIN_WRAPPING_COLUMN))));
  const spare = sum(room);
  const given = Math.min(sum(short), spare);
  if (given === 0) return widths;
  const take = room.map((r) => Math.floor((given * r) / spare));
  take[room.indexOf(Math.max(...room))]! += given - sum(take);
  let left = given;
  return widths.map((w, i) => {
    const add = Math.min(short[i]!, left);
    left -= add;
    return w - take[i]! + add;
  });
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function alignOf(column: TableColumn): Align {
  return /^\s*STT\s*$/i.test(column.header) ? 'center' : column.align;
}

function styleFor(column: TableColumn, small: boolean): string {
  const a = alignOf(column);
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
  if (columns.length === 0) {
    throw new DataError(`${label || 'Phụ lục'}: bảng không có cột nào, không tạo được văn bản. Kiểm tra nhóm chỉ số (groups) trong cấu hình và các cột điểm của dữ liệu.`);
  }
  const small = columns.length > SMALL_TABLE_COLUMNS;
  const widths = fittedWidths(table, width, small ? SIZE.tableSmall : SIZE.table);
  const headStyle = small ? STYLE.tableHeadSmall : STYLE.tableHead;
  const headOpen = widths.map((w) => cellOpen(w, headStyle));
  const bodyOpen = widths.map((w, i) => cellOpen(w, styleFor(columns[i]!, small)));
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
      throw new DataError(
        `${label || 'Phụ lục'}, dòng ${r + 1} của bảng: ${row.length} ô cho ${n} cột, không tạo được văn bản. Kiểm tra dòng này trong dữ liệu (thừa cột điểm so với tiêu đề bảng).`,
      );
    }
    let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let c = 0; c < row.length; c++) xml += bodyOpen[c] + runsXml(String(row[c] ?? '')) + CELL_CLOSE;
    if (row.length < n) xml += emptyRest[row.length];
    parts.push(xml + '</w:tr>');
  }
  parts.push('</w:tbl>');
  return parts.join('');
}
