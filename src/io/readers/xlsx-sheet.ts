/**
 * One worksheet part → Grid rows and merged ranges, by scanning its XML. Cell values are flattened
 * the way the Grid contract (src/io/table/grid.ts) wants them: numbers stay numbers, except a
 * percent-formatted number ("97.5%" text) and a date ("d/m/yyyy"); text as written; booleans TRUE
 * and FALSE; error cells their code; a formula by its cached result, or "=FORMULA" without one.
 */
import type { Config } from '../../config/schema.js';
import { DataError } from '../../core/errors.js';
import { columnLetter, columnNumber, type CellValue, type GridRow, type MergeRange } from '../table/grid.js';
import { ZipFormatError } from '../zip.js';
import { isoDateText, styledNumber, type NumberKind } from './xlsx-styles.js';
import { PREFIX, stringItem, xmlText } from './xlsx-xml.js';

export interface SheetContext {
  file: string;
  /** Sheet name, for messages. */
  sheet: string;
  config: Config;
  sharedStrings: readonly string[];
  styles: readonly NumberKind[];
  date1904: boolean;
}

export interface SheetContent {
  rows: GridRow[];
  merges: MergeRange[];
}

/** A <row> or <c> start tag: prefix, name, attribute text (a trailing "/" when empty). */
const TOKEN = /<(?:([A-Za-z_][\w.-]*):)?(row|c)(?=[\s/>])([^>]*)>/g;
const SHEET_DATA = new RegExp(`<${PREFIX}sheetData[\\s/>]`);
const SHEET_DATA_END = new RegExp(`</${PREFIX}sheetData>`, 'g');
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref\s*=\s*"\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?"/g;
const ROW_NUMBER = /\sr\s*=\s*"(\d+)"/;
const CELL_COLUMN = /\sr\s*=\s*"\$?([A-Za-z]{1,3})/;
const CELL_TYPE = /\st\s*=\s*"([A-Za-z]+)"/;
const CELL_STYLE = /\ss\s*=\s*"(\d+)"/;
const V = new RegExp(`<${PREFIX}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}v>)`);
const F = new RegExp(`<${PREFIX}f(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}f>)`);
const IS = new RegExp(`<${PREFIX}is(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${PREFIX}is>)`);
const SHARED_INDEX = /\ssi\s*=\s*"(\d+)"/;

function rowsMessage(file: string, sheet: string, rows: number, config: Config): string {
  return (
    `${file}: sheet "${sheet}" có hơn ${config.input.maxRows} dòng (đếm được ít nhất ${rows}; giới hạn ` +
    `input.maxRows = ${config.input.maxRows}); từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.`
  );
}

/** Merged ranges after the sheet data ("A1:H1"; a single cell "A1" is a range of one). */
function mergedRanges(xml: string, from: number): MergeRange[] {
  const out: MergeRange[] = [];
  const i = xml.indexOf('mergeCell', from);
  if (i < 0) return out;
  MERGE.lastIndex = i - 1;
  for (let m = MERGE.exec(xml); m; m = MERGE.exec(xml)) {
    const [top, bottom] = [Number(m[2]), Number(m[4] ?? m[2])];
    const [left, right] = [columnNumber(m[1]!), columnNumber(m[3] ?? m[1]!)];
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

/** Scans one worksheet; shared formulas are remembered by their index for the cells that share them. */
class SheetScanner {
  private readonly sharedFormulas = new Map<string, string>();

  constructor(private readonly ctx: SheetContext) {}

  /** The formula text of an <f> element (a shared formula's cells repeat its first cell's text). */
  private formula(attrs: string | undefined, body: string | undefined): string {
    const si = attrs ? SHARED_INDEX.exec(attrs)?.[1] : undefined;
    if (body) {
      const text = xmlText(body);
      if (si !== undefined) this.sharedFormulas.set(si, text);
      return text;
    }
    return (si !== undefined ? this.sharedFormulas.get(si) : undefined) ?? '';
  }

  /** The value of a cell from its attributes and content. */
  cell(attrs: string, content: string, row: number, col: number): CellValue {
    const type = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
    let v: string | undefined;
    // Most cells are "<v>…</v>" and nothing else.
    if (content.startsWith('<v>') && content.endsWith('</v>') && content.indexOf('<', 3) === content.length - 4) {
      v = content.slice(3, -4);
    } else {
      const vm = V.exec(content);
      if (vm) v = vm[1] ?? '';
      const fm = F.exec(content);
      if (fm) {
        const f = this.formula(fm[1], fm[2]);
        if (v === undefined && type !== 'inlineStr') return `=${f}`;
      }
    }
    switch (type) {
      case 's': {
        if (v === undefined) return null;
        const s = this.ctx.sharedStrings[Number(v)];
        if (s === undefined) {
          throw new ZipFormatError(`sheet "${this.ctx.sheet}", dòng ${row}, cột ${columnLetter(col)}: ô trỏ tới chuỗi số ${v} không có trong bảng chuỗi`);
        }
        return s;
      }
      case 'inlineStr': {
        const is = IS.exec(content);
        if (is) return is[1] ? stringItem(is[1]) : null;
        return v === undefined ? null : xmlText(v);
      }
      case 'str':
      case 'e':
        return v === undefined ? null : xmlText(v);
      case 'b':
        return v === undefined ? null : v.trim() === '1' || v.trim() === 'true' ? 'TRUE' : 'FALSE';
      case 'd':
        return v === undefined ? null : isoDateText(xmlText(v));
      default: {
        if (v === undefined || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return xmlText(v);
        const s = CELL_STYLE.exec(attrs)?.[1];
        return styledNumber(n, s === undefined ? undefined : this.ctx.styles[Number(s)], this.ctx.date1904);
      }
    }
  }
}

/**
 * Scan a worksheet part. Only rows holding a value become Grid rows, and only they count towards
 * config.input.maxRows (Excel writes formatted empty rows down to row 1,048,576 when a whole
 * column is formatted). Throws DataError past the row limit, ZipFormatError for broken XML.
 */
export function parseWorksheet(xml: string, ctx: SheetContext): SheetContent {
  const scanner = new SheetScanner(ctx);
  const rows: GridRow[] = [];
  const start = xml.search(SHEET_DATA);
  if (start < 0) return { rows, merges: mergedRanges(xml, 0) };
  SHEET_DATA_END.lastIndex = start;
  const end = SHEET_DATA_END.exec(xml)?.index ?? xml.length;

  let rowNumber = 0;
  let col = 0;
  let cells: CellValue[] = [];
  let filled = false;
  let sorted = true;
  const finishRow = () => {
    if (!filled) return;
    if (rows.length > 0 && rows[rows.length - 1]!.row >= rowNumber) sorted = false;
    rows.push({ row: rowNumber, cells });
    if (rows.length > ctx.config.input.maxRows) {
      throw new DataError(rowsMessage(ctx.file, ctx.sheet, rows.length, ctx.config));
    }
  };

  TOKEN.lastIndex = start;
  for (let m = TOKEN.exec(xml); m && m.index < end; m = TOKEN.exec(xml)) {
    const attrs = m[3]!;
    if (m[2] === 'row') {
      finishRow();
      const r = ROW_NUMBER.exec(attrs);
      rowNumber = r ? Number(r[1]) : rowNumber + 1;
      col = 0;
      cells = [];
      filled = false;
      continue;
    }
    const c = CELL_COLUMN.exec(attrs);
    col = c ? columnNumber(c[1]!) : col + 1;
    if (attrs.endsWith('/')) continue;
    const close = `</${m[1] ? `${m[1]}:` : ''}c>`;
    const contentEnd = xml.indexOf(close, TOKEN.lastIndex);
    if (contentEnd < 0 || contentEnd > end) {
      throw new ZipFormatError(`sheet "${ctx.sheet}", dòng ${rowNumber}: ô không đóng (XML hỏng)`);
    }
    const value = scanner.cell(attrs, xml.slice(TOKEN.lastIndex, contentEnd), rowNumber, col);
    TOKEN.lastIndex = contentEnd + close.length;
    if (value === null || (typeof value === 'string' && value.trim() === '')) continue;
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
    filled = true;
  }
  finishRow();
  if (!sorted) rows.sort((a, b) => a.row - b.row);
  return { rows, merges: mergedRanges(xml, end) };
}
