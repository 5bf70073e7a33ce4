import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { DataError } from '../../src/core/errors.js';
import { parseSheetRequest, readScoreFile } from '../../src/io/readers/read-score-file.js';
import { readXlsx } from '../../src/io/readers/xlsx.js';
import { crc32, fileData, readZip, writeZip, type ZipFile } from '../../src/io/zip.js';
import { SIX, vnTable, writeXlsx, type ScoreRow } from '../../fixtures/builders.js';
import { configWith, expectThrows, tempDir } from './helpers.js';
import { rawXlsx, replacePart, storedEntry } from './xlsx-raw.js';

const config = DEFAULT_CONFIG;
const V6 = { ckmb: 14.53, tdgq: 18.62, dvctt: 8.85, tttt: 9.09, mdhl: 17.53, mdsh: 20.1 };
const AN_GIANG = ['Điểm năm', 'Điểm tháng', 'Xu hướng tháng', 'Xu hướng quý', 'Sở Ban', 'Xã Phường'];
const RELS = 'xl/_rels/workbook.xml.rels';

/** A workbook written by exceljs with the An Giang sheet names, province tables in the first two. */
async function anGiangLike(): Promise<string> {
  const file = join(tempDir(), 'an-giang.xlsx');
  const rows: ScoreRow[] = [{ name: 'An Giang', values: V6 }, { name: 'Đắk Lắk', values: V6 }];
  await writeXlsx(
    file,
    AN_GIANG.map((name, i) => ({ name, rows: i < 2 ? vnTable({ groups: SIX, totalColumn: true, rows }).rows : [['ghi chú']] })),
  );
  return file;
}

/** Rewrite every worksheet target of the rels with `form` ("/xl/worksheets/sheet1.xml", …). */
function retarget(file: string, form: (part: string) => string): string {
  const out = file.replace(/\.xlsx$/, '-moi.xlsx');
  const buf = replacePart(readFileSync(file), RELS, (xml) =>
    xml.replace(/Target="(?:\/?xl\/)?(worksheets\/[^"]+)"/g, (_, part: string) => `Target="${form(part)}"`),
  );
  writeFileSync(out, buf);
  return out;
}

describe('xlsx package', () => {
  it('takes sheet names from xl/workbook.xml whatever form the rels targets take', async () => {
    const file = await anGiangLike();
    const forms: Array<[string, (p: string) => string]> = [
      ['relative', (p) => p],
      ['absolute, as openpyxl writes', (p) => `/xl/${p}`],
      ['dot-relative', (p) => `./${p}`],
      ['up and down again', (p) => `../xl/${p}`],
    ];
    for (const [what, form] of forms) {
      const f = retarget(file, form);
      const rels = fileData(readZip(readFileSync(f)).find((x) => x.name === RELS)!).toString('utf8');
      expect(rels).toContain(`Target="${form('worksheets/sheet1.xml')}"`);
      const grids = await readXlsx(readFileSync(f), f, config);
      expect(grids.map((g) => g.name), what).toEqual(AN_GIANG);
      expect(grids[0]!.rows[1]!.cells[1], what).toBe('An Giang');
    }
  });

  it('reads a sheet by its real name with --sheet from a workbook with absolute targets', async () => {
    const file = retarget(await anGiangLike(), (p) => `/xl/${p}`);
    const r = await readScoreFile(file, { config, sheets: [parseSheetRequest('Điểm tháng=tinh')] });
    expect(r.sheets.map((s) => [s.sheet, s.level, s.units.map((u) => u.name)])).toEqual([['Điểm tháng', 'tinh', ['An Giang', 'Đắk Lắk']]]);
    expect(r.skippedSheets.map((s) => s.sheet)).toEqual(AN_GIANG.filter((n) => n !== 'Điểm tháng'));
  });

  it('refuses a stored part with one changed byte (CRC-32), naming the file and the part', async () => {
    const buf = rawXlsx({ sheets: [{ name: 'Xã Phường', sheetData: '<row r="1"><c r="A1"><v>85.5</v></c></row>' }], stored: true });
    const at = buf.indexOf('85.5');
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(buf);
    damaged[at] = '9'.charCodeAt(0);
    const file = join(tempDir(), 'hong.xlsx');
    writeFileSync(file, damaged);
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(
      `${file}: tệp .xlsx bị hỏng hoặc không đầy đủ (phần "xl/worksheets/sheet1.xml" sai mã kiểm tra CRC-32: ` +
        'nội dung đã bị thay đổi); hãy tải lại hoặc lưu lại bằng Excel',
    );
    // The undamaged file reads.
    expect((await readXlsx(buf, file, config))[0]!.rows).toEqual([{ row: 1, cells: [85.5] }]);
  });

  it('refuses a deflated part that inflates to other bytes than its CRC-32 says', async () => {
    const good = Buffer.from('<t>UBND xã Ea Ly</t>', 'utf8');
    const bad = Buffer.from('<t>UBND xã Ea Lz</t>', 'utf8');
    expect(bad.length).toBe(good.length);
    const base = rawXlsx({ sheets: [{ name: 'S', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: ['<t>x</t>'] });
    const sst = (text: Buffer): Buffer =>
      Buffer.concat([Buffer.from('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>'), text, Buffer.from('</si></sst>')]);
    const entry: ZipFile = { name: 'xl/sharedStrings.xml', method: 8, crc: crc32(sst(good)), size: sst(bad).length, stored: deflateRawSync(sst(bad)) };
    const file = join(tempDir(), 'hong.xlsx');
    writeFileSync(file, writeZip(readZip(base).map((f) => (f.name === entry.name ? entry : f))));
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toContain(`${file}: tệp .xlsx bị hỏng hoặc không đầy đủ (phần "xl/sharedStrings.xml" sai mã kiểm tra CRC-32`);
    expect(e.message).toMatch(/hãy tải lại/);
  });

  it('refuses a cell pointing past the shared strings and a sheet whose part is missing', async () => {
    const dangling = rawXlsx({
      sheets: [{ name: 'Xã Phường', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>' }],
      sharedStrings: ['<t>UBND xã Ea Ly</t>'],
    });
    const e = await expectThrows(readXlsx(dangling, 'a.xlsx', config), DataError);
    expect(e.message).toBe(
      'a.xlsx: tệp .xlsx bị hỏng hoặc không đầy đủ (sheet "Xã Phường", dòng 1, cột B: ô trỏ tới chuỗi số 7 không có ' +
        'trong bảng chuỗi); hãy tải lại hoặc lưu lại bằng Excel',
    );
    const base = rawXlsx({ sheets: [{ name: 'Điểm tháng', sheetData: '' }] });
    const missing = writeZip(readZip(base).filter((f) => f.name !== 'xl/worksheets/sheet1.xml'));
    const e2 = await expectThrows(readXlsx(missing, 'b.xlsx', config), DataError);
    expect(e2.message).toBe(
      'b.xlsx: tệp .xlsx bị hỏng hoặc không đầy đủ (thiếu phần "xl/worksheets/sheet1.xml" của sheet "Điểm tháng"); ' +
        'hãy tải lại hoặc lưu lại bằng Excel',
    );
  });

  it('counts only rows holding values against input.maxRows: formatting down to row 1,048,576 is read', async () => {
    const file = join(tempDir(), 'dinh-dang.xlsx');
    const communes: ScoreRow[] = Array.from({ length: 102 }, (_, i) => ({ name: `UBND xã Số ${i + 1}`, values: V6 }));
    const t = vnTable({ title: ['Số liệu tính đến ngày 14/11/2025'], groups: SIX, totalColumn: true, rows: communes });
    await writeXlsx(file, [{ name: 'Xã Phường', rows: t.rows, merges: t.merges }]);
    const lastData = t.rows.length;
    const empty: string[] = [];
    for (let r = lastData + 1; r <= 1_048_576; r++) {
      empty.push(r % 2 ? `<row r="${r}" s="1" customFormat="1"/>` : `<row r="${r}" spans="1:9" s="1" customFormat="1"><c r="A${r}" s="1"/><c r="B${r}" s="1"/></row>`);
    }
    const styled = replacePart(readFileSync(file), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', `${empty.join('')}</sheetData>`));
    writeFileSync(file, styled);
    const r = await readScoreFile(file, { config });
    expect(r.sheets.map((s) => [s.sheet, s.level, s.units.length])).toEqual([['Xã Phường', 'xa', 102]]);
    // The bound still holds for rows with values: the title, the header and 102 communes.
    const valueRows = 1 + 1 + 102;
    expect((await readScoreFile(file, { config: configWith({ maxRows: valueRows }) })).sheets[0]!.units).toHaveLength(102);
    const e = await expectThrows(readScoreFile(file, { config: configWith({ maxRows: valueRows - 1 }) }), DataError);
    expect(e.message).toBe(
      `${file}: sheet "Xã Phường" có hơn ${valueRows - 1} dòng (đếm được ít nhất ${valueRows}; giới hạn input.maxRows = ` +
        `${valueRows - 1}); từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.`,
    );
  });

  it('refuses an OpenDocument spreadsheet, whatever its name, saying how to save it as .xlsx', async () => {
    const ods = writeZip([
      storedEntry('mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')),
      storedEntry('content.xml', Buffer.from('<office:document-content/>')),
    ]);
    for (const name of ['bang-diem.ods', 'bang-diem.xlsx']) {
      const file = join(tempDir(), name);
      writeFileSync(file, ods);
      const e = await expectThrows(readScoreFile(file, { config }), DataError);
      expect(e.message).toBe(
        `${file}: là bảng tính OpenDocument (.ods, của LibreOffice Calc), không đọc được; hãy mở bằng LibreOffice Calc, ` +
          'chọn Tệp > Lưu thành… > Excel 2007-365 (.xlsx) rồi dùng tệp .xlsx đó',
      );
    }
    // An OpenDocument text document is not taken for a spreadsheet.
    const odt = writeZip([storedEntry('mimetype', Buffer.from('application/vnd.oasis.opendocument.text'))]);
    const file = join(tempDir(), 'van-ban.xlsx');
    writeFileSync(file, odt);
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(`${file}: là tệp zip nhưng không phải bảng tính .xlsx (không có xl/workbook.xml)`);
  });
});
