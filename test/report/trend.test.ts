/**
 * The reports' trend through the real CLI (issue 10, "Trend in the reports"): dated exports built
 * into temporary data folders, `report --quarter …` on them, and the .docx read back: the "Diễn
 * biến" passage, its native chart with the history's figures cached, the appendix of the units'
 * totals, the "Kèm theo các Phụ lục …" sentence, the warnings for a short history or a gap.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindex, tempDir, type CliResult } from '../helpers/cli.js';
import { all, elements, kid, kids, parseXml, textOf, type XmlElement } from '../helpers/docx-xml.js';
import { validateDocx } from '../helpers/ooxml-validate.js';
import { docxText, type DocxText } from '../helpers/seeds.js';
import { FOUR_QUARTERS, writeExports, type ExportSpec } from '../helpers/trend-data.js';

const Q3_2026 = ['report', '--quarter', '3', '--year', '2026'];

interface Run {
  result: CliResult;
  doc: DocxText | null;
  buffer: Buffer | null;
  data: string;
}

async function report(specs: readonly ExportSpec[], args = Q3_2026, options: { config?: object } = {}): Promise<Run> {
  const data = await writeExports(specs);
  const out = tempDir('dakindex-trend-out-');
  const cwd = tempDir('dakindex-trend-cwd-');
  if (options.config) writeFileSync(join(cwd, 'dakindex.config.json'), JSON.stringify(options.config));
  const result = await dakindex([...args, '--data', data, '--out', out], cwd);
  expect(result.stderr + result.stdout).not.toMatch(/Lỗi không mong đợi/);
  const files = readdirSync(out).filter((f) => f.endsWith('.docx'));
  const buffer = files.length === 1 ? readFileSync(join(out, files[0]!)) : null;
  return { result, doc: buffer ? docxText(buffer) : null, buffer, data };
}

/** The province and the units of one export, as `check --json` reads that file alone. */
async function checked(file: string): Promise<{ province: { score: number; rank: number; of: number } | null; units: { name: string; level: string; total: number | null }[] }> {
  const r = await dakindex(['check', file, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const val = (el: XmlElement | undefined) => el?.attrs.val;
const text = (el: XmlElement | undefined): string => (el ? el.children.filter((c): c is string => typeof c === 'string').join('') : '');

/** Each series of the document's chart: its name, categories and cached values (null: no point). */
function chartSeries(run: Run): { name: string; categories: string[]; values: (number | null)[] }[] {
  const xml = run.doc!.docx.files.get('word/charts/chart1.xml');
  expect(xml, 'word/charts/chart1.xml').toBeDefined();
  return all(parseXml(xml!), 'c:ser').map((ser) => {
    const cats = all(kid(ser, 'c:cat')!, 'c:pt');
    const num = all(kid(ser, 'c:val')!, 'c:numCache')[0]!;
    const values: (number | null)[] = Array.from({ length: Number(val(kid(num, 'c:ptCount'))) }, () => null);
    for (const p of kids(num, 'c:pt')) values[Number(p.attrs.idx)] = Number(text(kid(p, 'c:v')));
    return { name: text(all(kid(ser, 'c:tx')!, 'c:v')[0]), categories: cats.map((c) => text(kid(c, 'c:v'))), values };
  });
}

/** A cell's text, its line breaks as "\n". */
function cellText(tc: XmlElement): string {
  return all(tc, 'w:r')
    .flatMap((r) => elements(r).map((e) => (e.name === 'w:br' ? '\n' : e.name === 'w:t' ? text(e) : '')))
    .join('');
}

/** The body's sections: their top-level elements and their w:sectPr (in the last paragraph, or the body's own). */
function sectionsOf(doc: DocxText): { content: XmlElement[]; sectPr: XmlElement }[] {
  const out: { content: XmlElement[]; sectPr: XmlElement }[] = [];
  let content: XmlElement[] = [];
  for (const el of elements(doc.docx.body)) {
    const sectPr = el.name === 'w:sectPr' ? el : el.name === 'w:p' ? kid(kid(el, 'w:pPr'), 'w:sectPr') : undefined;
    if (el.name !== 'w:sectPr') content.push(el);
    if (sectPr) {
      out.push({ content, sectPr });
      content = [];
    }
  }
  return out;
}

/** The section of Phụ lục `number`. */
function appendixSection(doc: DocxText, number: string): { content: XmlElement[]; sectPr: XmlElement } {
  const section = sectionsOf(doc).find((s) => s.content.some((el) => el.name === 'w:p' && textOf(el) === `Phụ lục ${number}`));
  expect(section, `Phụ lục ${number}`).toBeDefined();
  return section!;
}

/** The paragraphs of the main section in order, a chart paragraph as "[biểu đồ]". */
function bodyParagraphs(doc: DocxText): string[] {
  const main = sectionsOf(doc)[0]!.content;
  return main.flatMap((el) => (el.name === 'w:p' ? [all(el, 'w:drawing').length ? '[biểu đồ]' : textOf(el).replace(/\u00A0/g, ' ')] : []));
}

/** The appendix tables with their header rows, and the heading above each. */
function appendixTables(doc: DocxText, number: string): { heading: string; header: string[]; rows: string[][] }[] {
  const section = appendixSection(doc, number);
  const out: { heading: string; header: string[]; rows: string[][] }[] = [];
  let heading = '';
  for (const el of section.content) {
    if (el.name === 'w:p' && textOf(el)) heading = textOf(el);
    if (el.name === 'w:tbl') {
      const [head, ...rows] = kids(el, 'w:tr').map((tr) => kids(tr, 'w:tc').map(cellText));
      out.push({ heading, header: head!, rows });
    }
  }
  return out;
}

describe('a quarterly report on four quarters of data', () => {
  let run: Run;
  beforeAll(async () => {
    run = await report(FOUR_QUARTERS);
  }, 60_000);

  it('is written, says which file it took for each quarter of the trend, oldest first, and warns of nothing about it', () => {
    expect(run.result.code, run.result.stderr).toBe(0);
    const out = run.result.stdout;
    const q4 = out.indexOf('Dữ liệu diễn biến Quý IV năm 2025: ');
    const q1 = out.indexOf('Dữ liệu diễn biến Quý I năm 2026: ');
    expect(q4).toBeGreaterThan(-1);
    expect(q1).toBeGreaterThan(q4);
    expect(out).toMatch(/Dữ liệu diễn biến Quý IV năm 2025: .*diem-766-2026-01-02\.xlsx \(ngày 02\/01\/2026, tệp mới nhất trong 10 ngày sau khi kỳ kết thúc\)/);
    // Quý II is the previous period, already named once, not read twice.
    expect(out).not.toContain('Dữ liệu diễn biến Quý II năm 2026');
    expect(run.result.stderr).not.toContain('Diễn biến');
  });

  it('has the passage after the levels: its heading, the sentence, the chart, then the appendices sentence', () => {
    const p = bodyParagraphs(run.doc!);
    const at = p.indexOf('d) Diễn biến điểm số, thứ hạng của tỉnh Đắk Lắk từ Quý IV năm 2025 đến Quý III năm 2026:');
    expect(at).toBeGreaterThan(p.indexOf('c) Cấp xã:'));
    expect(p.slice(at + 1, at + 4)).toEqual([
      '- Điểm số của tỉnh tăng liên tục 3 quý, từ 86,14 lên 88,72 điểm; thứ hạng cải thiện liên tục 3 quý, từ 22 lên 16/34.',
      '[biểu đồ]',
      'Kèm theo các Phụ lục đánh giá, xếp loại và mức điểm cụ thể đối với các sở, ban, ngành (Phụ lục I), đối với UBND cấp xã (Phụ lục II) và diễn biến điểm số của các đơn vị (Phụ lục III).',
    ]);
  });

  it('caches in its chart the province\'s score and rank that each quarter\'s file gives', async () => {
    const [score, rank] = chartSeries(run);
    expect(score!.name).toBe('Điểm số');
    expect(rank!.name).toBe('Thứ hạng');
    expect(score!.categories).toEqual(['Quý IV/2025', 'Quý I/2026', 'Quý II/2026', 'Quý III/2026']);
    const provinces = await Promise.all(FOUR_QUARTERS.map((q) => checked(join(run.data, `diem-766-${q.date}.xlsx`)).then((c) => c.province!)));
    expect(score!.values).toEqual(provinces.map((p) => p.score));
    expect(rank!.values).toEqual(provinces.map((p) => p.rank));
    expect(score!.values).toEqual([86.14, 86.9, 87.65, 88.72]);
    expect(rank!.values).toEqual([22, 21, 19, 16]);
  });

  it('validates, chart part included', () => {
    expect(validateDocx(run.buffer!)).toEqual([]);
  });

  it('appends "DIỄN BIẾN ĐIỂM SỐ CỦA CÁC ĐƠN VỊ" as Phụ lục III, landscape, a table per level with each unit\'s total on each date and its band now', async () => {
    const section = appendixSection(run.doc!, 'III');
    expect(section.content.map(textOf)).toContain('DIỄN BIẾN ĐIỂM SỐ CỦA CÁC ĐƠN VỊ');
    expect(kid(section.sectPr, 'w:pgSz')!.attrs['w:orient']).toBe('landscape');

    const tables = appendixTables(run.doc!, 'III');
    expect(tables.map((t) => t.heading)).toEqual(['Các sở, ban, ngành', 'Cấp xã']);
    const dates = ['Quý IV năm 2025\n(02/01/2026)', 'Quý I năm 2026\n(02/4/2026)', 'Quý II năm 2026\n(02/7/2026)', 'Quý III năm 2026\n(02/10/2026)'];
    expect(tables[0]!.header).toEqual(['STT', 'Tên cơ quan, đơn vị', ...dates, 'Xếp loại']);
    expect(tables[1]!.header).toEqual(['STT', 'Tên đơn vị', ...dates, 'Xếp loại']);
    expect(tables[0]!.rows).toHaveLength(14);
    expect(tables[1]!.rows).toHaveLength(102);

    const files = await Promise.all(FOUR_QUARTERS.map((q) => checked(join(run.data, `diem-766-${q.date}.xlsx`))));
    const cell = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toFixed(2).replace('.', ','));
    for (const [t, level] of [[tables[0]!, 'so'], [tables[1]!, 'xa']] as const) {
      const totals = t.rows.map((row) => Number(row[5]!.replace(',', '.')));
      expect(totals, 'best first by the last date').toEqual([...totals].sort((a, b) => b - a));
      for (const row of t.rows) {
        const expected = files.map((f) => cell(f.units.find((u) => u.level === level && u.name === row[1])?.total));
        expect(row.slice(2, 6), row[1]).toEqual(expected);
        expect(row[6]).toMatch(/^(Xuất sắc|Tốt|Khá|Trung bình|Yếu)$/);
      }
    }
  });

  it('tells the trend under --json', async () => {
    const data = run.data;
    const r = await dakindex([...Q3_2026, '--data', data, '--out', tempDir(), '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.trend.periods.map((p: { label: string; date: string | null }) => [p.label, p.date])).toEqual([
      ['Quý IV năm 2025', '2026-01-02'],
      ['Quý I năm 2026', '2026-04-02'],
      ['Quý II năm 2026', '2026-07-02'],
      ['Quý III năm 2026', '2026-10-02'],
    ]);
    expect(json.trend.province.map((p: { score: number; rank: number }) => [p.score, p.rank])).toEqual([
      [86.14, 22],
      [86.9, 21],
      [87.65, 19],
      [88.72, 16],
    ]);
  });
});

describe('a history with a gap', () => {
  let run: Run;
  beforeAll(async () => {
    // Quý IV năm 2025 downloaded on its last days, so that no file of it can stand for Quý I.
    run = await report([{ ...FOUR_QUARTERS[0]!, date: '2025-12-30' }, ...FOUR_QUARTERS.slice(2)]);
  }, 60_000);

  it('says so in the passage and claims no streak; warns', () => {
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.doc!.text).toContain(
      '- Điểm số của tỉnh tăng từ 86,14 lên 88,72 điểm; thứ hạng cải thiện từ 22 lên 16/34. Không có số liệu của tỉnh Quý I năm 2026.',
    );
    expect(run.result.stderr).toMatch(/Diễn biến: không có số liệu của tỉnh Quý I năm 2026; biểu đồ để trống kỳ này/);
  });

  it('leaves the quarter empty in the chart (no point, not a zero) and out of the appendix', () => {
    const [score, rank] = chartSeries(run);
    expect(score!.categories).toEqual(['Quý IV/2025', 'Quý I/2026', 'Quý II/2026', 'Quý III/2026']);
    expect(score!.values).toEqual([86.14, null, 87.65, 88.72]);
    expect(rank!.values).toEqual([22, null, 19, 16]);
    expect(appendixTables(run.doc!, 'III')[0]!.header.filter((h) => h.startsWith('Quý'))).toHaveLength(3);
  });
});

describe('a missing file when every file is downloaded in the days after its quarter', () => {
  it('keeps the file of 02/01 for the quarter it closes, not the one it is dated in: a gap, not a shifted history', async () => {
    // `report --quarter 1` alone would take 02/01/2026 (inside Quý I); the trend has it as Quý IV's.
    const run = await report(FOUR_QUARTERS.filter((q) => q.date !== '2026-04-02'));
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.result.stdout).toMatch(/Dữ liệu diễn biến Quý IV năm 2025: .*diem-766-2026-01-02\.xlsx \(ngày 02\/01\/2026, tệp mới nhất trong 10 ngày sau khi kỳ kết thúc\)/);
    expect(run.result.stdout).toMatch(/Dữ liệu diễn biến Quý I năm 2026: không có \(tệp .*diem-766-2026-01-02\.xlsx, ngày 02\/01\/2026, là dữ liệu của Quý IV năm 2025\)/);
    expect(chartSeries(run)[0]).toMatchObject({ categories: ['Quý IV/2025', 'Quý I/2026', 'Quý II/2026', 'Quý III/2026'], values: [86.14, null, 87.65, 88.72] });
    expect(run.result.stderr).toContain('Diễn biến: không có số liệu của tỉnh Quý I năm 2026;');
  }, 60_000);
});

describe('a history too short for a trend', () => {
  let run: Run;
  beforeAll(async () => {
    run = await report(FOUR_QUARTERS.slice(3));
  }, 60_000);

  it('has no passage, no chart, no trend appendix and no word of one; warns', () => {
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.doc!.text).not.toContain('Diễn biến');
    expect(run.doc!.text).toContain('đối với các sở, ban, ngành (Phụ lục I) và đối với UBND cấp xã (Phụ lục II).');
    expect(run.doc!.text).not.toContain('Phụ lục III');
    expect([...run.doc!.docx.files.keys()].filter((n) => n.includes('chart'))).toEqual([]);
    expect(all(run.doc!.docx.body, 'w:drawing')).toHaveLength(0);
    expect(run.result.stderr).toContain(
      'Diễn biến: trong 4 quý gần nhất (Quý IV năm 2025 đến Quý III năm 2026) chỉ có số liệu của tỉnh Đắk Lắk Quý III năm 2026, báo cáo không có đoạn diễn biến và biểu đồ.',
    );
  });
});

describe('other shapes of history', () => {
  it('the report\'s own data without the province: no passage, a warning; the units\' appendix stays', async () => {
    const run = await report([...FOUR_QUARTERS.slice(0, 3), { date: '2026-10-02' }]);
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.doc!.text).not.toContain('Diễn biến điểm số, thứ hạng');
    expect(all(run.doc!.docx.body, 'w:drawing')).toHaveLength(0);
    expect(run.result.stderr).toContain('Diễn biến: dữ liệu Quý III năm 2026 không có điểm của tỉnh Đắk Lắk, báo cáo không có đoạn diễn biến và biểu đồ.');
    expect(run.doc!.text).toContain('và diễn biến điểm số của các đơn vị (Phụ lục III).');
    expect(appendixTables(run.doc!, 'III')).toHaveLength(2);
  }, 60_000);

  it('earlier data of the province only: the passage and chart, no units\' appendix, a warning', async () => {
    const run = await report([...FOUR_QUARTERS.slice(0, 3).map((q) => ({ ...q, local: false })), FOUR_QUARTERS[3]!]);
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.doc!.text).toContain('tăng liên tục 3 quý, từ 86,14 lên 88,72 điểm');
    expect(all(run.doc!.docx.body, 'w:drawing')).toHaveLength(1);
    expect(run.doc!.text).not.toContain('Phụ lục III');
    expect(run.result.stderr).toContain('không có bảng điểm của sở, ban, ngành hay địa phương, báo cáo không có Phụ lục diễn biến điểm số');
  }, 60_000);

  it('an earlier file that cannot be read: a gap, with a warning naming the file', async () => {
    const run = await report(FOUR_QUARTERS.map((q) => (q.date === '2026-04-02' ? { ...q, badCell: true } : q)));
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.result.stderr).toMatch(
      /Diễn biến: không đọc được dữ liệu Quý I năm 2026, kỳ này để trống trên biểu đồ và trong Phụ lục diễn biến: .*diem-766-2026-04-02\.xlsx: 1 lỗi dữ liệu:\n\s+- .*diem-766-2026-04-02\.xlsx, sheet "[^"]+", dòng \d+, cột [A-Z]+: /,
    );
    // The report is written: the file's failure does not stop it, and the message does not say it does.
    expect(run.result.stderr).not.toContain('không tạo văn bản');
    expect(chartSeries(run)[0]!.values).toEqual([86.14, null, 87.65, 88.72]);
  }, 60_000);

  it('the history starting later than the window: the passage from its first quarter, a warning for the ones before', async () => {
    const run = await report(FOUR_QUARTERS.slice(2));
    expect(run.doc!.text).toContain('d) Diễn biến điểm số, thứ hạng của tỉnh Đắk Lắk từ Quý II năm 2026 đến Quý III năm 2026:');
    expect(run.doc!.text).toContain('- Điểm số của tỉnh tăng từ 87,65 lên 88,72 điểm; thứ hạng cải thiện từ 19 lên 16/34.');
    expect(chartSeries(run)[0]!.categories).toEqual(['Quý II/2026', 'Quý III/2026']);
    expect(run.result.stderr).toContain('Diễn biến: không có số liệu của tỉnh Quý IV năm 2025 và Quý I năm 2026; đoạn diễn biến và biểu đồ bắt đầu từ Quý II năm 2026.');
  }, 60_000);

  it('never takes one file for two months, and keeps the month the text compares with', async () => {
    // 05/10 is the report's own (October); 03/9 is what `report` compares with as September's, so the
    // trend has it as September's too, though it is also in the 10 days after August: August has none.
    const run = await report(
      [
        { date: '2026-09-03', province: { total: 87, rank: 20 } },
        { date: '2026-10-05', province: { total: 88, rank: 18 } },
      ],
      ['report', '--month', '10', '--year', '2026'],
    );
    expect(run.result.code, run.result.stderr).toBe(0);
    expect(run.result.stdout).toMatch(/Dữ liệu tháng 10\/2026: .*diem-766-2026-10-05\.xlsx/);
    expect(run.result.stdout).toMatch(/Dữ liệu tháng 9\/2026: .*diem-766-2026-09-03\.xlsx/);
    expect(run.result.stdout).not.toContain('Dữ liệu diễn biến');
    expect(run.doc!.text).toContain('(tăng 1,0 điểm so với tháng 9)');
    expect(chartSeries(run)[0]).toMatchObject({ categories: ['T9/2026', 'T10/2026'], values: [87, 88] });
    expect(run.result.stderr).toContain('Diễn biến: không có số liệu của tỉnh tháng 5/2026, tháng 6/2026, tháng 7/2026 và tháng 8/2026;');
  }, 60_000);
});

describe('how many periods, and the weekly report', () => {
  it('follows trend.quarters of the configuration: 2 quarters, or 0 for none (and no warning)', async () => {
    const two = await report(FOUR_QUARTERS, Q3_2026, { config: { trend: { quarters: 2 } } });
    expect(two.result.code, two.result.stderr).toBe(0);
    expect(two.doc!.text).toContain('từ Quý II năm 2026 đến Quý III năm 2026:');
    expect(chartSeries(two)[0]!.values).toEqual([87.65, 88.72]);
    const none = await report(FOUR_QUARTERS, Q3_2026, { config: { trend: { quarters: 0 } } });
    expect(none.result.code, none.result.stderr).toBe(0);
    expect(none.doc!.text).not.toContain('Diễn biến');
    expect(none.doc!.text).not.toContain('Phụ lục III');
    expect(none.result.stderr).not.toContain('Diễn biến');
  }, 60_000);

  it('refuses a trend of one period in the configuration, naming the key', async () => {
    const run = await report(FOUR_QUARTERS.slice(3), Q3_2026, { config: { trend: { months: 1 } } });
    expect(run.result.code).toBe(1);
    expect(run.result.stderr).toMatch(/trend\.months/);
    expect(run.result.stderr).toMatch(/0 \(không có\) hoặc từ 2 đến 24/);
  }, 60_000);

  const WEEK = ['report', '--week', '2', '--month', '11', '--year', '2025', '--data', 'fixtures/daklak'];

  it('a weekly report has no trend unless asked with --trend', async () => {
    const r = await dakindex([...WEEK, '--out', tempDir()]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('Diễn biến');
  });

  it('with --trend (or DAKINDEX_TREND=1) the weekly report on the fixtures has the passage over its two weeks', async () => {
    for (const [args, env] of [[['--trend'], {}], [[], { DAKINDEX_TREND: '1' }]] as const) {
      const out = tempDir();
      const r = await dakindex([...WEEK, ...args, '--out', out], undefined, env);
      expect(r.code, r.stderr).toBe(0);
      const doc = docxText(readFileSync(join(out, readdirSync(out)[0]!)));
      expect(doc.text).toContain('d) Diễn biến điểm số, thứ hạng của tỉnh Đắk Lắk từ tuần 01 tháng 11/2025 đến tuần 02 tháng 11/2025:');
      expect(doc.text).toContain('- Điểm số của tỉnh tăng từ 88,45 lên 88,72 điểm; thứ hạng cải thiện từ 18 lên 16/34.');
      expect(all(doc.docx.body, 'w:drawing')).toHaveLength(1);
    }
  }, 60_000);

  it('--trend is an option of report only, and DAKINDEX_TREND must be a yes or no', async () => {
    const letter = await dakindex(['letter', 'publish', '--month', '5', '--year', '2024', '--data', 'fixtures/daklak', '--trend', '--out', tempDir()]);
    expect(letter.code).toBe(2);
    expect(letter.stderr).toContain('--trend');
    const bad = await dakindex([...WEEK, '--out', tempDir()], undefined, { DAKINDEX_TREND: 'có lẽ' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DAKINDEX_TREND');
  });
});
