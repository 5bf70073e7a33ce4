/**
 * A document names exactly the appendices it carries: none for a province-only workbook (and the
 * sheets passed over are printed), "Phụ lục I" and "II" for two local levels, whatever levels
 * they are; an office template that names a missing appendix stops the run.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bandRows, provinceRows, rankRows, rng, SIX, vnTable, writeXlsx, type SheetSpec } from '../../fixtures/builders.js';
import { DISTRICTS_15, PROVINCES_34 } from '../../fixtures/names.js';
import { dakindex, tempDir, type CliResult } from '../helpers/cli.js';
import { sections } from '../helpers/docx-xml.js';
import { docxText, type DocxText } from '../helpers/seeds.js';

const TITLE = ['KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP', 'Số liệu tính đến ngày 28/11/2025'];
const DAKLAK = { ckmb: 15.1, tdgq: 18.2, dvctt: 9.4, tttt: 8.8, mdhl: 17.1, mdsh: 19.6 };
const COMMUNES = ['UBND xã Ea Kar', 'UBND phường Tân An', 'UBND xã Hòa Phú', 'UBND xã Ea Ly', 'UBND xã Krông Búk'];

function provinceSheet(name: string, seed: number): SheetSpec {
  const rows = provinceRows(rng(seed), PROVINCES_34, { name: 'Đắk Lắk', values: DAKLAK, rank: 12 }, SIX, [70, 97]);
  return { name, ...vnTable({ title: TITLE, groups: SIX, nameLabel: 'Tỉnh/Thành phố', totalColumn: true, rankColumn: true, rows }), numFmt: '0.00' };
}

function localSheet(name: string, names: string[], seed: number): SheetSpec {
  const rows = rankRows(bandRows(rng(seed), names, [2, 2, 1, 0, 0], SIX));
  return { name, ...vnTable({ title: TITLE, groups: SIX, totalColumn: true, rankColumn: true, rows }), numFmt: '0.00' };
}

interface Run {
  result: CliResult;
  out: string;
  doc: DocxText | null;
}

async function run(args: string[]): Promise<Run> {
  const out = tempDir('dakindex-appx-');
  const result = await dakindex([...args, '--out', out]);
  expect(result.stderr + result.stdout).not.toMatch(/Lỗi không mong đợi/);
  const files = readdirSync(out).filter((f) => f.endsWith('.docx'));
  return { result, out, doc: files.length === 1 ? docxText(readFileSync(join(out, files[0]!))) : null };
}

const MONTH = ['--month', '11', '--year', '2025'];

describe('a report from a workbook with only a province sheet', () => {
  let file: string;
  let text: Run;
  beforeAll(async () => {
    file = join(tempDir(), 'chi-tinh.xlsx');
    // Sheet1 holds the provinces with nothing naming their level (as a workbook saved by openpyxl
    // reads today): the user names it with --sheet, as the tool's message advises.
    await writeXlsx(file, [
      provinceSheet('Sheet1', 1),
      { name: 'Ghi chú', rows: [['Số liệu lấy từ Cổng Dịch vụ công quốc gia']] },
      { name: 'Xu hướng quý', rows: [['Tỉnh/Thành phố', 'Quý I', 'Quý II'], ['Đắk Lắk', 80.1, 84.2]] },
    ]);
    text = await run(['report', ...MONTH, '--input', file, '--sheet', 'Sheet1=tinh']);
  });

  it('writes the province paragraph and no word of an appendix, in a document of one section', () => {
    expect(text.result.code, text.result.stderr).toBe(0);
    const doc = text.doc!;
    expect(doc.text).toContain('tỉnh Đắk Lắk đạt 88,2 điểm, xếp hạng 12/34 tỉnh, thành phố.');
    expect(doc.text).toContain('trên môi trường điện tử của tỉnh Đắk Lắk trong tháng 11/2025, với các nội dung');
    expect(doc.text).not.toMatch(/phụ lục/iu);
    expect(doc.text).not.toContain('cụ thể .');
    expect(sections(doc.docx.body)).toHaveLength(1);
  });

  it('prints the sheets it did not read, with why, next to the warnings', () => {
    const { stderr, stdout } = text.result;
    expect(stderr).toContain('Sheet bỏ qua (2):');
    expect(stderr).toContain(
      `  - ${file}, sheet "Ghi chú": không tìm thấy dòng tiêu đề (cột tên đơn vị và cột điểm) trong 30 dòng đầu`,
    );
    expect(stderr).toContain(
      `  - ${file}, sheet "Xu hướng quý": sheet xu hướng (điểm của các đơn vị theo từng tháng, quý), không phải bảng điểm tại một ngày; không đọc`,
    );
    expect(stdout).not.toContain('Sheet bỏ qua');
  });

  it('lists them under --json', async () => {
    const r = await run(['report', ...MONTH, '--input', file, '--sheet', 'Sheet1=tinh', '--json']);
    expect(r.result.code, r.result.stderr).toBe(0);
    const json = JSON.parse(r.result.stdout) as { skippedSheets: { file: string; sheet: string; reason: string }[] };
    expect(json.skippedSheets.map((k) => [k.file, k.sheet])).toEqual([
      [file, 'Ghi chú'],
      [file, 'Xu hướng quý'],
    ]);
    expect(r.result.stderr).toBe('');
  });

  it('writes the publishing letter without "(Chi tiết tại Phụ lục ... kèm theo)." and prints the skipped sheets', async () => {
    const r = await run(['letter', 'publish', ...MONTH, '--input', file, '--sheet', 'Sheet1=tinh']);
    expect(r.result.code, r.result.stderr).toBe(0);
    expect(r.doc!.text).toContain('Tổng số điểm Đắk Lắk đạt: 88,2/100 điểm');
    expect(r.doc!.text).not.toMatch(/phụ lục/iu);
    expect(r.result.stderr).toContain(`  - ${file}, sheet "Xu hướng quý": sheet xu hướng`);
  });

  it('refuses an office template that names appendices the report does not have, writing nothing', async () => {
    const templates = tempDir('dakindex-tpl-');
    mkdirSync(join(templates, 'partials'));
    const partial = readFileSync('templates/partials/ket-qua.hbs', 'utf8').replace(
      /\{\{#if results\.appendixRefs\}\}\n(.*)\n\{\{\/if\}\}/,
      '$1',
    );
    expect(partial).toMatch(/^Kèm theo các Phụ lục/m);
    writeFileSync(join(templates, 'partials', 'ket-qua.hbs'), partial);
    const r = await run(['report', ...MONTH, '--input', file, '--sheet', 'Sheet1=tinh', '--templates', templates]);
    expect(r.result.code).toBe(1);
    expect(r.result.stderr).toContain(
      '2025-11-28_bao-cao-thang-11-2025.docx: văn bản nhắc đến "Phụ lục" nhưng không có Phụ lục nào (dữ liệu không có bảng của sở, ban, ngành hay địa phương); không ghi văn bản nào.',
    );
    expect(readdirSync(r.out)).toEqual([]);
  });
});

describe('a report from a workbook with two local levels', () => {
  let file: string;
  let r: Run;
  beforeAll(async () => {
    file = join(tempDir(), 'huyen-xa.xlsx');
    await writeXlsx(file, [
      provinceSheet('Tỉnh, thành phố', 2),
      localSheet('Cấp huyện', DISTRICTS_15.slice(0, 5), 3),
      localSheet('Cấp xã', COMMUNES, 4),
    ]);
    r = await run(['report', ...MONTH, '--input', file]);
  });

  it('names the two appendices it carries, numbered I and II, and no other', () => {
    expect(r.result.code, r.result.stderr).toBe(0);
    const doc = r.doc!;
    expect(doc.text).toContain(
      'Kèm theo các Phụ lục đánh giá, xếp loại và mức điểm cụ thể đối với UBND cấp huyện (Phụ lục I) và đối với UBND cấp xã (Phụ lục II).',
    );
    expect(doc.paragraphs.filter((p) => /^Phụ lục [IVX]+$/.test(p))).toEqual(['Phụ lục I', 'Phụ lục II']);
    expect(doc.text).not.toContain('Phụ lục III');
    expect(sections(doc.docx.body)).toHaveLength(3);
    expect(r.result.stderr).not.toContain('Sheet bỏ qua');
  });

  it('refuses an office template naming a third appendix', async () => {
    const templates = tempDir('dakindex-tpl-');
    mkdirSync(join(templates, 'partials'));
    writeFileSync(
      join(templates, 'partials', 'ket-qua.hbs'),
      `${readFileSync('templates/partials/ket-qua.hbs', 'utf8')}Danh sách chi tiết tại Phụ lục III.\n`,
    );
    const bad = await run(['report', ...MONTH, '--input', file, '--templates', templates]);
    expect(bad.result.code).toBe(1);
    expect(bad.result.stderr).toContain('văn bản nhắc đến "Phụ lục III" nhưng chỉ có Phụ lục I, Phụ lục II');
    expect(readdirSync(bad.out)).toEqual([]);
  });
});
