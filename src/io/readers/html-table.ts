/**
 * A small tolerant HTML table reader for the "HTML table saved as .xls" exports of provincial
 * systems: <table>, <tr>, <td>/<th> with rowspan/colspan, entities, <br>, missing end tags.
 * Each top-level or nested table becomes its own Grid.
 */
import type { CellValue, Grid, GridRow, MergeRange } from '../table/grid.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', bull: '\u2022',
  middot: '\u00b7', copy: '\u00a9', reg: '\u00ae', deg: '\u00b0', times: '\u00d7', divide: '\u00f7',
  percnt: '%', comma: ',', period: '.', sol: '/', lpar: '(', rpar: ')',
};
// Latin-1 letters with accents (Vietnamese pages use some of them as named entities).
const LATIN1 = 'Agrave À Aacute Á Acirc Â Atilde Ã Egrave È Eacute É Ecirc Ê Igrave Ì Iacute Í Ograve Ò Oacute Ó Ocirc Ô Otilde Õ Ugrave Ù Uacute Ú Yacute Ý agrave à aacute á acirc â atilde ã egrave è eacute é ecirc ê igrave ì iacute í ograve ò oacute ó ocirc ô otilde õ ugrave ù uacute ú yacute ý Auml Ä auml ä Ouml Ö ouml ö Uuml Ü uuml ü ccedil ç Ccedil Ç ntilde ñ Ntilde Ñ';
{
  const parts = LATIN1.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) NAMED_ENTITIES[parts[i]!] = parts[i + 1]!;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

function attr(attrs: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  const m = re.exec(attrs);
  if (!m) return null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

function span(attrs: string, name: string): number {
  const v = attr(attrs, name);
  const n = v === null ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

interface OpenCell {
  text: string[];
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Excel's x:num attribute: the number behind a formatted cell. */
  num: number | null;
}

interface TableState {
  /** 1-based current row; 0 before the first <tr>. */
  row: number;
  /** Next free column in the current row. */
  col: number;
  /** Occupied cells "r:c" by rowspans from rows above. */
  occupied: Set<string>;
  cells: Map<number, CellValue[]>;
  merges: MergeRange[];
  cell: OpenCell | null;
}

function newTable(): TableState {
  return { row: 0, col: 1, occupied: new Set(), cells: new Map(), merges: [], cell: null };
}

function cleanText(parts: string[]): string {
  return decodeEntities(parts.join(''))
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

function closeCell(t: TableState): void {
  const c = t.cell;
  if (!c) return;
  t.cell = null;
  const text = cleanText(c.text);
  const value: CellValue = c.num !== null && !/%/.test(text) ? c.num : text === '' ? null : text;
  if (value !== null) {
    let cells = t.cells.get(c.row);
    if (!cells) t.cells.set(c.row, (cells = []));
    while (cells.length < c.col - 1) cells.push(null);
    cells[c.col - 1] = value;
  }
  if (c.rowspan > 1 || c.colspan > 1) {
    t.merges.push({ top: c.row, left: c.col, bottom: c.row + c.rowspan - 1, right: c.col + c.colspan - 1 });
  }
}

function startRow(t: TableState): void {
  closeCell(t);
  t.row++;
  t.col = 1;
}

function startCell(t: TableState, attrs: string): void {
  closeCell(t);
  if (t.row === 0) startRow(t);
  while (t.occupied.has(`${t.row}:${t.col}`)) t.col++;
  const rowspan = span(attrs, 'rowspan');
  const colspan = span(attrs, 'colspan');
  const numAttr = attr(attrs, 'x:num');
  const num = numAttr !== null && numAttr.trim() !== '' && Number.isFinite(Number(numAttr)) ? Number(numAttr) : null;
  t.cell = { text: [], row: t.row, col: t.col, rowspan, colspan, num };
  for (let r = t.row; r < t.row + rowspan; r++) {
    for (let c = t.col; c < t.col + colspan; c++) if (r !== t.row || c !== t.col) t.occupied.add(`${r}:${c}`);
  }
  t.col += colspan;
}

function toGrid(t: TableState, name: string): Grid {
  const rows: GridRow[] = [...t.cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => ({ row, cells }));
  return { name, rows, merges: t.merges };
}

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>|<![^>]*>|<\?[^>]*>|[^<]+|</;
const RAW_TEXT = new Set(['script', 'style', 'xml', 'title']);

/**
 * Parse every <table> of an HTML document. `baseName` names the grids: the first table takes it,
 * further tables get " (bảng N)". Tables without any cell are dropped.
 */
export function parseHtmlTables(html: string, baseName: string): Grid[] {
  const done: Array<{ order: number; state: TableState }> = [];
  const stack: Array<{ order: number; state: TableState }> = [];
  let order = 0;
  let pos = 0;
  const re = new RegExp(TOKEN.source, 'g');
  while (pos < html.length) {
    re.lastIndex = pos;
    const m = re.exec(html);
    if (!m || m.index !== pos) break;
    pos = re.lastIndex;
    const whole = m[0];
    const tag = m[2]?.toLowerCase();
    const top = stack[stack.length - 1]?.state;
    if (!tag) {
      if (whole.startsWith('<!--') || whole.startsWith('<!') || whole.startsWith('<?')) continue;
      if (top?.cell) top.cell.text.push(whole);
      continue;
    }
    const closing = m[1] === '/';
    const attrs = m[3] ?? '';
    if (!closing && RAW_TEXT.has(tag)) {
      const end = html.toLowerCase().indexOf(`</${tag}`, pos);
      pos = end < 0 ? html.length : end;
      continue;
    }
    switch (tag) {
      case 'table':
        if (closing) {
          const t = stack.pop();
          if (t) done.push(t);
        } else {
          stack.push({ order: order++, state: newTable() });
        }
        break;
      case 'tr':
        if (top && !closing) startRow(top);
        else if (top && closing) closeCell(top);
        break;
      case 'td':
      case 'th':
        if (top && !closing) startCell(top, attrs);
        else if (top && closing) closeCell(top);
        break;
      case 'br':
      case 'p':
      case 'div':
      case 'li':
        if (top?.cell) top.cell.text.push(' ');
        break;
      default:
        break;
    }
  }
  while (stack.length) done.push(stack.pop()!);
  for (const t of done) closeCell(t.state);
  return done
    .sort((a, b) => a.order - b.order)
    .map((t) => t.state)
    .filter((s) => s.cells.size > 0)
    .map((s, i) => toGrid(s, i === 0 ? baseName : `${baseName} (bảng ${i + 1})`));
}
