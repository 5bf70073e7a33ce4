import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/default.js';
import { CellErrors, DataError } from '../../src/core/errors.js';
import { csvToGrid, parseCsv, sniffSeparator } from '../../src/io/readers/csv.js';
import { decodeEntities, parseHtmlTables } from '../../src/io/readers/html-table.js';
import { readScoreFile } from '../../src/io/readers/read-score-file.js';
import { configWith, expectThrows, tempDir } from './helpers.js';

const config = DEFAULT_CONFIG;

describe('CSV', () => {
  it('parses quotes, doubled quotes, separators and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\n"x\ny",2\n', ',')).toEqual([
      ['a', 'b,c', 'd "e"'],
      ['x\ny', '2'],
    ]);
  });

  it('sniffs the separator', () => {
    expect(sniffSeparator('STT;Tên đơn vị;CKMB\n1;UBND xã A;14,53\n2;UBND xã B;15\n')).toBe(';');
    expect(sniffSeparator('STT,Tên đơn vị,CKMB\n1,"Sở Văn hóa, Thể thao",14.53\n2,UBND xã B,15\n')).toBe(',');
    expect(sniffSeparator('STT\tTên\tCKMB\n1\tA\t14,5\n')).toBe('\t');
  });

  it('numbers rows from 1 and drops blank lines', () => {
    const g = csvToGrid('Tiêu đề\n\nSTT;Tên\n1;A\n', 'x');
    expect(g.rows.map((r) => r.row)).toEqual([1, 3, 4]);
    expect(g.rows[1]!.cells).toEqual(['STT', 'Tên']);
  });

  it('reads a ; CSV with BOM and decimal commas', async () => {
    const dir = tempDir();
    const file = join(dir, 'xa.csv');
    writeFileSync(
      file,
      '\ufeffSố liệu ngày 04/6/2024\r\nSTT;Tên đơn vị;Công khai, minh bạch;Tiến độ giải quyết;DVCTT;TTTT;MDHL;MDSH;Tổng điểm\r\n1;UBND xã Ea Ly;14,53;18,62;8,85;9,09;17,53;20,1;88,72\r\n',
    );
    const r = await readScoreFile(file, { config });
    expect(r.date).toMatchObject({ kind: 'dated', date: '2024-06-04', source: 'title' });
    expect(r.sheets[0]!.sheet).toBe('xa');
    expect(r.sheets[0]!.units[0]!.total).toBe(88.72);
    expect(r.sheets[0]!.units[0]!.origin).toEqual({ file, sheet: 'xa', row: 3, column: 'B' });
  });

  it('refuses a CSV that is not UTF-8', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.csv');
    writeFileSync(file, Buffer.from([0x54, 0xea, 0x6e, 0x3b, 0x31, 0x0a]));
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(`${file}: tệp CSV không phải mã UTF-8; hãy lưu lại dưới dạng "CSV UTF-8"`);
  });

  it('reads a UTF-16 CSV with BOM', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.csv');
    const text = 'Tên đơn vị\tTổng điểm\r\nUBND xã Ea Ly\t88,72\r\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await readScoreFile(file, { config });
    expect(r.sheets[0]!.units[0]!.total).toBe(88.72);
  });

  it('refuses a CSV with more rows than input.maxRows', async () => {
    const file = join(tempDir(), 'dai.csv');
    writeFileSync(file, 'Tên đơn vị;Tổng điểm\n' + Array.from({ length: 10 }, (_, i) => `UBND xã X${i};90\n`).join(''));
    const e = await expectThrows(readScoreFile(file, { config: configWith({ maxRows: 5 }) }), DataError);
    expect(e.message).toBe(
      `${file}: bảng "dai" có 11 dòng, vượt giới hạn input.maxRows = 5; từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.`,
    );
  });

  it('collects cell errors of a CSV with row and column', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.csv');
    writeFileSync(file, 'Tên đơn vị;Tổng điểm\nUBND xã A;abc\nUBND xã B;-2\n');
    const e = await expectThrows(readScoreFile(file, { config }), CellErrors);
    expect(e.problems.map((p) => [p.origin.row, p.origin.column])).toEqual([
      [2, 'B'],
      [3, 'B'],
    ]);
    expect(e.message).toContain(`${file}, sheet "x", dòng 2, cột B: giá trị "abc" không phải là số`);
  });
});

describe('HTML tables', () => {
  it('decodes entities', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x1EA1;&nbsp;&agrave;&unknown;')).toBe('&<>"\'ạ\u00a0à&unknown;');
  });

  it('places cells under rowspan and colspan, keeps merges, handles <br> and missing end tags', () => {
    const [g] = parseHtmlTables(
      `<table>
        <tr><td colspan="3">Tiêu đề</td></tr>
        <tr><th rowspan=2>STT<th rowspan="2">Tên<br>đơn vị<th>Nhóm</tr>
        <tr><th>CKMB</th></tr>
        <tr><td>1<td>Sở&nbsp;Y tế<td x:num="17.5">17,50</td>
      </table>`,
      'x',
    );
    expect(g!.rows).toEqual([
      { row: 1, cells: ['Tiêu đề'] },
      { row: 2, cells: ['STT', 'Tên đơn vị', 'Nhóm'] },
      { row: 3, cells: [null, null, 'CKMB'] },
      { row: 4, cells: ['1', 'Sở Y tế', 17.5] },
    ]);
    expect(g!.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
    ]);
  });

  it('skips scripts, styles and comments; nested tables are separate grids', () => {
    const grids = parseHtmlTables(
      '<style>td{}</style><!-- <table><tr><td>no</td></tr></table> --><table><tr><td>a<table><tr><td>inner</td></tr></table></td><td>b</td></tr></table>',
      'x',
    );
    expect(grids.map((g) => [g.name, g.rows[0]!.cells])).toEqual([
      ['x', ['a', 'b']],
      ['x (bảng 2)', ['inner']],
    ]);
  });

  it('reads an HTML table named .xls with sections and % cells', async () => {
    const dir = tempDir();
    const file = join(dir, 'bao-cao.xls');
    writeFileSync(
      file,
      `\ufeff  <html><head><meta charset="utf-8"></head><body><table>
      <tr><td colspan="4">THEO QUYẾT ĐỊNH SỐ 766/QĐ-TTG NGÀY 23/06/2022</td></tr>
      <tr><td colspan="4">Số liệu ngày 14/11/2025</td></tr>
      <tr><th rowspan="2">STT</th><th rowspan="2">Tên đơn vị</th><th colspan="2">Tỷ lệ (%)</th></tr>
      <tr><th>Công khai, minh bạch</th><th>Số hóa hồ sơ</th></tr>
      <tr><td colspan="4">I Sở, ban, ngành</td></tr>
      <tr><td>1</td><td>Sở Y tế</td><td>97.5%</td><td></td></tr>
      <tr><td>2</td><td>Sở Tư pháp</td><td>100%</td><td>75%</td></tr>
      </table></body></html>`,
    );
    const e = await expectThrows(readScoreFile(file, { config }), CellErrors);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]!.origin).toEqual({ file, sheet: 'bao-cao', row: 6, column: 'D' });
  });

  it('refuses an HTML page without a table', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.xls');
    writeFileSync(file, '<html><body>Không có dữ liệu</body></html>');
    const e = await expectThrows(readScoreFile(file, { config }), DataError);
    expect(e.message).toBe(`${file}: là trang HTML nhưng không có bảng nào`);
  });
});
