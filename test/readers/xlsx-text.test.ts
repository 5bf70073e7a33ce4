import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError } from '../../src/core/errors.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { deflatedEntry, fileData, readZip, writeZip } from '../../src/io/zip.js';
import { expectThrows } from './helpers.js';
import { MAIN_NS, namesWorkbook, rawXlsx } from './xlsx-raw.js';

const config = DEFAULT_CONFIG;

/** Deterministic Vietnamese names, dense in two- and three-byte letters. */
function denseNames(count: number): string[] {
  const letters = 'ăâêôơưđĂÂÊÔƠƯĐàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ';
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, i) => {
    let word = '';
    for (let k = 0; k < 12 + (i % 7); k++) word += letters[next() % letters.length];
    return `UBND xã ${word} ${i}`;
  });
}

describe('xlsx text decoding', () => {
  it('reads every letter of a workbook whose shared strings pass 1 MB, whatever the chunking', async () => {
    const names = denseNames(30_000);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Xã Phường');
    for (const n of names) ws.addRow([n, 90.5]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const sst = names.reduce((n, s) => n + Buffer.byteLength(s), 0);
    expect(sst).toBeGreaterThan(1024 * 1024);
    const [grid] = await readXlsx(buf, 'lon.xlsx', config);
    const read = grid!.rows.map((r) => r.cells[0]);
    expect(read.filter((s) => String(s).includes('\ufffd'))).toEqual([]);
    expect(read).toEqual(names);
    expect(grid!.rows.every((r) => r.cells[1] === 90.5)).toBe(true);
  });

  it('reads the same names from shared strings and from inline strings', async () => {
    const names = denseNames(2_000);
    for (const mode of ['shared', 'inline'] as const) {
      const [grid] = await readXlsx(namesWorkbook(names, mode), `${mode}.xlsx`, config);
      expect(grid!.rows.map((r) => r.cells[0])).toEqual(names);
    }
  });

  it('joins rich-text runs, leaves phonetic guides out, decodes entities and _xHHHH_ escapes', async () => {
    const buf = rawXlsx({
      sheets: [
        {
          name: 'Văn bản',
          sheetData:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
            '<row r="2"><c r="A2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">UBND xã </t></r><r><t>Ea Ly</t></r></is></c>' +
            '<c r="B2" t="str"><f>A2&amp;"!"</f><v>Đắk &lt;Lắk&gt;</v></c><c r="C2" t="s"><v>3</v></c></row>',
        },
      ],
      sharedStrings: [
        '<r><t xml:space="preserve">Sở </t></r><r><rPr><i/></rPr><t>Y tế</t></r>',
        '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
        '<t>A &amp; B &#7871; &#x1EBF; &quot;x&quot; &apos;y&apos;</t>',
        '<t>dòng 1_x000D__x000A_dòng 2 _x005F_x000D_ _x1EA0_</t>',
      ],
    });
    const [grid] = await readXlsx(buf, 'f.xlsx', config);
    expect(grid!.rows).toEqual([
      { row: 1, cells: ['Sở Y tế', '東京', 'A & B ế ế "x" \'y\''] },
      { row: 2, cells: ['UBND xã Ea Ly', 'Đắk <Lắk>', 'dòng 1\r\ndòng 2 _x000D_ Ạ'] },
    ]);
  });

  it('refuses a part that is not valid UTF-8 instead of printing U+FFFD, and reads a UTF-16 part', async () => {
    const latin1 = rawXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>UBND x\u00e3</t></is></c></row>' }] });
    const sheet = 'xl/worksheets/sheet1.xml';
    const recode = (enc: (text: string) => Buffer) =>
      writeZip(readZip(latin1).map((f) => (f.name === sheet ? deflatedEntry(sheet, enc(fileData(f).toString('utf8'))) : f)));
    const e = await expectThrows(readXlsx(recode((t) => Buffer.from(t, 'latin1')), 'a.xlsx', config), DataError);
    expect(e.message).toBe(
      `a.xlsx: tệp .xlsx bị hỏng hoặc không đầy đủ (phần "${sheet}" không phải văn bản UTF-8 hợp lệ); hãy tải lại hoặc lưu lại bằng Excel`,
    );
    const utf16 = recode((t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]));
    expect((await readXlsx(utf16, 'b.xlsx', config))[0]!.rows).toEqual([{ row: 1, cells: ['UBND xã'] }]);
  });

  it('reads namespace-prefixed parts and cells without an r attribute', async () => {
    const xml =
      `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>` +
      '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>Sở Tư pháp</x:t></x:is></x:c><x:c><x:v>88.25</x:v></x:c></x:row>' +
      '<x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#DIV/0!</x:v></x:c><x:c><x:f>SUM(B3:C3)</x:f></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:D1"/></x:mergeCells></x:worksheet>';
    const [grid] = await readXlsx(rawXlsx({ sheets: [{ name: 'Sở', sheetData: '', xml }] }), 'f.xlsx', config);
    expect(grid).toEqual({
      name: 'Sở',
      rows: [
        { row: 3, cells: [null, 'Sở Tư pháp', 88.25] },
        { row: 4, cells: ['TRUE', '#DIV/0!', '=SUM(B3:C3)'] },
      ],
      merges: [{ top: 1, left: 1, bottom: 1, right: 4 }],
    });
  });

  it('gives a shared formula without cached value its first cell\'s formula, and skips blank text', async () => {
    const buf = rawXlsx({
      sheets: [
        {
          name: 'F',
          sheetData:
            '<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>4</v></c><c r="B1" t="inlineStr"><is><t>  </t></is></c></row>' +
            '<row r="2"><c r="A2"><f t="shared" si="0"/></c></row>',
        },
      ],
    });
    const [grid] = await readXlsx(buf, 'f.xlsx', config);
    expect(grid!.rows).toEqual([
      { row: 1, cells: [4] },
      { row: 2, cells: ['=B1*2'] },
    ]);
  });
});
