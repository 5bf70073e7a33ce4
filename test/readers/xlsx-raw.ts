/**
 * Workbooks written part by part, as other producers write them (openpyxl's absolute rels targets,
 * inline strings, a 1904 date system, styles of our choosing), packed with src/io/zip.ts.
 */
import { columnLetter } from '../../src/io/table/grid.js';
import { crc32, deflatedEntry, fileData, readZip, writeZip, type ZipFile } from '../../src/io/zip.js';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Escape text for XML element content and attributes. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RawSheet {
  name: string;
  /** Content of <sheetData>. */
  sheetData: string;
  /** Extra XML after </sheetData> (mergeCells). */
  after?: string;
  /** The whole worksheet part, instead of the wrapper around sheetData. */
  xml?: string;
}

export interface RawWorkbook {
  sheets: RawSheet[];
  /** The <si> items' inner XML, when the workbook has a shared string table. */
  sharedStrings?: string[];
  /** Inner XML of <styleSheet>. */
  styles?: string;
  date1904?: boolean;
  /** Target of sheet i (0-based) in workbook.xml.rels; relative "worksheets/sheetN.xml" by default. */
  target?: (i: number) => string;
  /** Write every part stored (uncompressed) instead of deflated. */
  stored?: boolean;
}

export function storedEntry(name: string, data: Buffer): ZipFile {
  return { name, method: 0, crc: crc32(data), size: data.length, stored: data };
}

/** The parts of a workbook, as zip entries. */
export function rawXlsx(wb: RawWorkbook): Buffer {
  const parts: Array<[string, string]> = [];
  const sheetTags = wb.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  parts.push([
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ]);
  parts.push([
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `${wb.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheetTags}</sheets></workbook>`,
  ]);
  const target = wb.target ?? ((i: number) => `worksheets/sheet${i + 1}.xml`);
  const n = wb.sheets.length;
  const rels = wb.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${target(i)}"/>`);
  if (wb.sharedStrings) rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (wb.styles) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  parts.push(['xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>`]);
  wb.sheets.forEach((s, i) =>
    parts.push([
      `xl/worksheets/sheet${i + 1}.xml`,
      s.xml ??
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${s.sheetData}</sheetData>${s.after ?? ''}</worksheet>`,
    ]),
  );
  if (wb.sharedStrings) {
    const items = wb.sharedStrings.map((x) => `<si>${x}</si>`).join('');
    parts.push(['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${wb.sharedStrings.length}">${items}</sst>`]);
  }
  if (wb.styles) parts.push(['xl/styles.xml', `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${wb.styles}</styleSheet>`]);
  return writeZip(parts.map(([name, text]) => (wb.stored ? storedEntry : deflatedEntry)(name, Buffer.from(text, 'utf8'))));
}

/** A one-column sheet of names, as shared strings (t="s") or inline strings, from row 1. */
export function namesWorkbook(names: readonly string[], mode: 'shared' | 'inline', sheet = 'Xã Phường'): Buffer {
  const cell = (i: number) =>
    mode === 'shared'
      ? `<c r="A${i + 1}" t="s"><v>${i}</v></c>`
      : `<c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${esc(names[i]!)}</t></is></c>`;
  const sheetData = names.map((_, i) => `<row r="${i + 1}">${cell(i)}</row>`).join('');
  return rawXlsx({
    sheets: [{ name: sheet, sheetData }],
    ...(mode === 'shared' ? { sharedStrings: names.map((x) => `<t xml:space="preserve">${esc(x)}</t>`) } : {}),
  });
}

/** A zip with one part's text replaced (deflated again), the rest kept byte for byte. */
export function replacePart(buf: Buffer, name: string, edit: (text: string) => string): Buffer {
  return writeZip(
    readZip(buf).map((f) => {
      if (f.name !== name) return f;
      const text = fileData(f).toString('utf8');
      return deflatedEntry(name, Buffer.from(edit(text), 'utf8'));
    }),
  );
}

/** A raw cell: text (inline string), a number, or a number with a style index. */
export type RawCell = string | number | { n: number; s: number } | null;

/** <sheetData> content for rows from row 1: text as inline strings, numbers as <v>. */
export function sheetRows(rows: RawCell[][]): string {
  return rows
    .map((cells, i) => {
      const r = i + 1;
      const xml = cells.map((c, j) => {
        const ref = `${columnLetter(j + 1)}${r}`;
        if (c === null) return '';
        if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
        if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
        return `<c r="${ref}" s="${c.s}"><v>${c.n}</v></c>`;
      });
      return `<row r="${r}">${xml.join('')}</row>`;
    })
    .join('');
}
