import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { CellErrors, DataError } from '../../src/core/errors.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { SIX, vnTable, writeXlsx } from '../../fixtures/builders.js';
import { configWith, deflatedEntry, expectThrows, tempDir, writeRawZip } from './helpers.js';

const config = DEFAULT_CONFIG;
const FIXTURE = new URL('../../fixtures/daklak/diem-766-2025-11-14.xlsx', import.meta.url).pathname;

/** A one-line message naming the file, no stack trace. */
function expectOneLine(e: Error, file: string): void {
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  expect(e.message).not.toContain('\n');
  expect(e.message).not.toMatch(/\bat .*\.js:\d+/);
}

describe('files that are not what their name says', () => {
  it('a text file named .xlsx', async () => {
    const file = join(tempDir(), 'diem.xlsx');
    writeFileSync(file, 'Tên đơn vị,Tổng điểm\nUBND xã A,90\n');
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expectOneLine(e, file);
    expect(e.message).toBe(`${file}: không phải tệp .xlsx thật (nội dung là văn bản); hãy tải lại hoặc lưu lại bằng Excel dưới dạng .xlsx`);
  });

  it('a truncated .xlsx', async () => {
    const file = join(tempDir(), 'cut.xlsx');
    const buf = readFileSync(FIXTURE);
    writeFileSync(file, buf.subarray(0, Math.floor(buf.length / 2)));
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expectOneLine(e, file);
    expect(e.message).toMatch(/tệp \.xlsx bị hỏng hoặc không đầy đủ \(.*\); hãy tải lại hoặc lưu lại bằng Excel$/);
  });

  it('an .xlsx with corrupted compressed data', async () => {
    const file = join(tempDir(), 'broken.xlsx');
    const buf = Buffer.from(readFileSync(FIXTURE));
    // Corrupt the deflated data of the first worksheet: the zip structure holds, the data does not.
    const at = buf.indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 'xl/worksheets/sheet1.xml'.length;
    buf.fill(0xff, at + 10, at + 400);
    writeFileSync(file, buf);
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expectOneLine(e, file);
    expect(e.message).toContain('bị hỏng');
  });

  it('a zip that is not a workbook', async () => {
    const file = join(tempDir(), 'van-ban.xlsx');
    writeRawZip(file, [deflatedEntry('word/document.xml', '<w:document/>')]);
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(`${file}: là tệp zip nhưng không phải bảng tính .xlsx (không có xl/workbook.xml)`);
  });

  it('a binary .xls (OLE2)', async () => {
    const file = join(tempDir(), 'cu.xls');
    writeFileSync(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]));
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(
      `${file}: là tệp .xls nhị phân (Excel 97-2003), không đọc được; hãy mở bằng Excel và lưu lại dưới dạng .xlsx`,
    );
  });

  it('a password-protected workbook (encrypted OLE2 package)', async () => {
    const file = join(tempDir(), 'mat-khau.xlsx');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]),
    );
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(`${file}: bảng tính được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx`);
  });

  it('an empty file, a missing file, a folder, an unknown binary', async () => {
    const dir = tempDir();
    const empty = join(dir, 'rong.xlsx');
    writeFileSync(empty, '');
    expect((await expectThrows(readScoreFile(empty, { config }), DataError)).message).toBe(`${empty}: tệp rỗng`);
    const missing = join(dir, 'khong-co.xlsx');
    expect((await expectThrows(readScoreFile(missing, { config }), DataError)).message).toBe(
      `${missing}: không tìm thấy hoặc không mở được tệp`,
    );
    const folder = join(dir, 'thu-muc.xlsx');
    mkdirSync(folder);
    expect((await expectThrows(readScoreFile(folder, { config }), DataError)).message).toBe(
      `${folder}: là thư mục, không phải tệp bảng điểm`,
    );
    const pdf = join(dir, 'x.pdf');
    writeFileSync(pdf, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    expect((await expectThrows(readScoreFile(pdf, { config }), DataError)).message).toBe(
      `${pdf}: không nhận ra định dạng tệp (cần .xlsx, .csv hoặc bảng HTML lưu dưới tên .xls)`,
    );
  });

  it('detects the format by content, not by extension', async () => {
    const dir = tempDir();
    const file = join(dir, 'that-ra-la-xlsx.csv');
    copyFileSync(FIXTURE, file);
    const r = await readScoreFile(file, { config });
    expect(r.sheets.map((s) => s.level)).toEqual(['tinh', 'so', 'xa']);
  });
});

describe('cell errors', () => {
  it('collects the problems of every sheet of a file into one error', async () => {
    const file = join(tempDir(), 'loi.xlsx');
    const good = { ckmb: 14.53, tdgq: 18.62, dvctt: 8.85, tttt: 9.09, mdhl: 17.53, mdsh: 20.1 };
    const xa = vnTable({ title: ['Số liệu ngày 14/11/2025'], groups: SIX, totalColumn: true, rows: [{ name: 'UBND xã Ea Ly', values: good }] });
    // Row 4 (first unit): C = '9,5x'; add a second unit with a value above the maximum.
    xa.rows[3]![2] = '9,5x';
    xa.rows.push([2, 'UBND xã Ea Kar', 14, 18, 8, 9, 17, 22.5, 88.5]);
    const so = vnTable({ groups: SIX, rates: true, rows: [{ name: 'Sở Y tế', values: { ...good, ckmb: 120 } }] });
    await writeXlsx(file, [
      { name: 'Xã Phường', rows: xa.rows, merges: xa.merges },
      { name: 'Sở Ban', rows: so.rows },
    ]);
    const e = await expectThrows(readScoreFile(file, { config }), CellErrors);
    expect(e.file).toBe(file);
    expect(e.more).toBe(0);
    expect(e.message.split('\n')).toEqual([
      `${file}: 3 lỗi dữ liệu, không tạo văn bản:`,
      `  - ${file}, sheet "Xã Phường", dòng 4, cột C: giá trị "9,5x" không phải là số; cần điểm từ 0 đến 18 (Công khai, minh bạch)`,
      `  - ${file}, sheet "Xã Phường", dòng 5, cột H: giá trị "22,5" vượt điểm tối đa của nhóm; cần điểm từ 0 đến 22 (Số hóa hồ sơ)`,
      `  - ${file}, sheet "Sở Ban", dòng 2, cột C: giá trị "120" vượt 100%; cần tỷ lệ từ 0 đến 100% (Công khai, minh bạch)`,
    ]);
  });

  it('lists up to input.maxErrors problems and counts the rest', async () => {
    const file = join(tempDir(), 'nhieu-loi.xlsx');
    const rows: Array<Array<string | number | null>> = [['Tên đơn vị', 'Công khai, minh bạch', 'Tổng điểm']];
    for (let i = 1; i <= 7; i++) rows.push([`UBND xã X${i}`, 'x', 50]);
    await writeXlsx(file, [{ name: 'Cấp xã', rows }]);
    const e = await expectThrows(readScoreFile(file, { config: configWith({ maxErrors: 3 }) }), CellErrors);
    expect(e.problems.map((p) => p.origin.row)).toEqual([2, 3, 4]);
    expect(e.more).toBe(4);
    expect(e.message.split('\n')[0]).toBe(`${file}: 7 lỗi dữ liệu, không tạo văn bản:`);
    expect(e.message.split('\n').at(-1)).toBe('  ... và 4 lỗi khác.');
  });

  it('refuses a duplicate unit with different figures, naming both rows', async () => {
    const file = join(tempDir(), 'trung.xlsx');
    await writeXlsx(file, [
      {
        name: 'Xã Phường',
        rows: [
          ['Tên đơn vị', 'Tổng điểm'],
          ['UBND xã Ea Ly - tỉnh Đắk Lắk', 90],
          ['UBND xã Ea Ly', 91],
        ],
      },
    ]);
    const e = await expectThrows(readScoreFile(file, { config }), CellErrors);
    expect(e.problems).toEqual([
      {
        origin: { file, sheet: 'Xã Phường', row: 3, column: 'A' },
        message: 'đơn vị "UBND xã Ea Ly" trùng với dòng 2 (cùng cấp xã) nhưng số liệu khác; cần mỗi đơn vị một dòng',
      },
    ]);
  });
});
