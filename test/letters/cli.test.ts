/**
 * `dakindex letter` through run(): options, --separate, --json, and the guarantees on bad input
 * (Vietnamese message, exit 1 or 2, no document written).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dakindex, tempDir } from '../helpers/cli.js';
import { docxFiles, footnoteIds, letter } from './helpers.js';

const LOW = ['letter', 'low-score', '--date', '2026-03-09', '--data', 'fixtures/daklak'];

describe('letter low-score options', () => {
  it('writes one letter per commune with --separate, each to that commune with its own figure', async () => {
    const r = await letter(['low-score', '--date', '2026-03-09', '--bottom', '7', '--target', '94', '--since', '2026-01-09', '--data', 'fixtures/daklak', '--separate']);
    expect(r.files).toHaveLength(7);
    expect(r.files.map((f) => f.replace(/^.*_cong-van-diem-thap-/, ''))).toEqual(
      ['dur-kmal', 'ea-drang', 'ea-ly', 'song-cau', 'vu-bon', 'xuan-canh', 'xuan-loc']
        .map((s) => `${s === 'song-cau' ? 'phuong' : 'xa'}-${s}.docx`)
        .sort(),
    );
    expect(r.result.stdout).toContain('Đã ghi 7 công văn:');
    const eaLy = r.docs[r.files.findIndex((f) => f.endsWith('xa-ea-ly.docx'))]!;
    const p = eaLy.paragraphs;
    const at = p.indexOf('Kính gửi:');
    expect(p.slice(at + 1, at + 3)).toEqual(['- Chủ tịch UBND xã Ea Ly;', '- Đồng kính gửi: Bí thư Đảng ủy xã Ea Ly.']);
    expect(eaLy.text).toContain('hiện có 01 địa phương có thứ hạng 96 (điểm 89,69). Nhằm');
    expect(eaLy.footnotes[0]).toBe('UBND xã Ea Ly đạt 89,69 điểm.');
    expect(footnoteIds(eaLy).refs).toHaveLength(2);
    const songCau = r.docs[r.files.findIndex((f) => f.endsWith('phuong-song-cau.docx'))]!;
    expect(songCau.paragraphs).toContain('- Chủ tịch UBND phường Sông Cầu;');
    expect(songCau.footnotes[0]).toBe('UBND phường Sông Cầu đạt 89,55 điểm.');
    for (const d of r.docs) expect(d.text).toContain('tăng 12 bậc so với ngày 09/01/2026.');
  });

  it('takes every commune below a score with --below', async () => {
    const r = await letter(['low-score', '--date', '2026-03-09', '--below', '89', '--data', 'fixtures/daklak']);
    const doc = r.docs[0]!;
    expect(doc.paragraphs).toContain('- Chủ tịch UBND các xã: Dur Kmăl, Xuân Lộc, Vụ Bổn, Ea Drăng;');
    expect(doc.text).toContain('hiện có 04 địa phương có thứ hạng từ 99 đến 102 (điểm từ 84,54 đến 88,88)');
    // Without --since the rank change is left out; without --target the target and its footnote too.
    expect(doc.text).toContain('xếp 21/34 tỉnh, thành phố. Tuy nhiên');
    expect(doc.text).not.toContain('bảo đảm đến cuối tháng');
    expect(doc.footnotes).toHaveLength(1);
  });

  it('prints JSON with the files and the chosen communes', async () => {
    const out = tempDir();
    const r = await dakindex([...LOW, '--bottom', '2', '--json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.files).toHaveLength(1);
    expect(j.communes).toEqual([
      { name: 'UBND xã Vụ Bổn', score: 86.48, rank: 101 },
      { name: 'UBND xã Ea Drăng', score: 84.54, rank: 102 },
    ]);
    expect(j.province).toMatchObject({ name: 'Đắk Lắk', score: 93.79, rank: 21, of: 34 });
  });

  it('refuses --bottom with --below, or neither (exit 2)', async () => {
    const out = tempDir();
    const both = await dakindex([...LOW, '--bottom', '7', '--below', '90', '--out', out]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('chọn một trong --bottom N hoặc --below ĐIỂM');
    const neither = await dakindex([...LOW, '--out', out]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('cần --bottom N');
    const bad = await dakindex([...LOW, '--bottom', 'bảy', '--out', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--bottom: số địa phương phải là số');
    const target = await dakindex([...LOW, '--bottom', '3', '--target', '120', '--out', out]);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('--target: chỉ tiêu phải từ 0 đến 100');
    expect(docxFiles(out)).toEqual([]);
  });

  it('writes nothing when no commune is below the score (exit 1)', async () => {
    const out = tempDir();
    const r = await dakindex([...LOW, '--below', '50', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Không có UBND cấp xã nào dưới 50,0 điểm ngày 09/3/2026 (thấp nhất: UBND xã Ea Drăng 84,54 điểm)');
    expect(docxFiles(out)).toEqual([]);
  });

  it('says which dates exist when the data folder has no file of the date (exit 1)', async () => {
    const out = tempDir();
    const r = await dakindex(['letter', 'low-score', '--date', '2026-03-10', '--bottom', '3', '--data', 'fixtures/daklak', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Không có tệp dữ liệu ngày 10\/3\/2026 trong .*fixtures\/daklak \(có các ngày: .*09\/3\/2026\)/);
    const since = await dakindex([...LOW, '--bottom', '3', '--since', '2026-01-10', '--out', out]);
    expect(since.code).toBe(1);
    expect(since.stderr).toContain('Không có tệp dữ liệu ngày 10/01/2026');
    expect(docxFiles(out)).toEqual([]);
  });

  it('reads --input instead of the data folder, and --previous as the reference file', async () => {
    const r = await letter([
      'low-score', '--bottom', '7', '--input', 'fixtures/daklak/diem-766-2026-03-09.xlsx', '--previous', 'fixtures/daklak/diem-766-2026-01-09.xlsx',
    ]);
    expect(r.docs[0]!.text).toContain('hiện đạt 93,79/100 điểm, xếp 21/34 tỉnh, thành phố, tăng 12 bậc so với ngày 09/01/2026.');
  });
});

describe('no overwrite without --force', () => {
  it('refuses to replace a letter, then replaces it with --force', async () => {
    const out = tempDir();
    const args = ['letter', 'par-sipas', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--out', out];
    expect((await dakindex(args)).code).toBe(0);
    const [name] = docxFiles(out);
    const before = readFileSync(join(out, name!));
    const again = await dakindex(args);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã có; dùng --force để ghi đè/);
    expect(readFileSync(join(out, name!)).equals(before)).toBe(true);
    expect((await dakindex([...args, '--force'])).code).toBe(0);
    expect(docxFiles(out)).toEqual([name]);
  });

  it('writes none of the --separate letters when one of them exists', async () => {
    const out = tempDir();
    writeFileSync(join(out, '2026-03-09_cong-van-diem-thap-xa-ea-drang.docx'), 'x');
    const r = await dakindex([...LOW, '--bottom', '3', '--separate', '--out', out]);
    expect(r.code).toBe(1);
    expect(docxFiles(out)).toEqual(['2026-03-09_cong-van-diem-thap-xa-ea-drang.docx']);
  });
});

describe('letter publish options', () => {
  it('needs --month (exit 2) and a data file for the month (exit 1)', async () => {
    const out = tempDir();
    const noMonth = await dakindex(['letter', 'publish', '--year', '2024', '--data', 'fixtures/daklak', '--out', out]);
    expect(noMonth.code).toBe(2);
    expect(noMonth.stderr).toContain('cần --month M');
    const noFile = await dakindex(['letter', 'publish', '--month', '1', '--year', '2024', '--data', 'fixtures/daklak', '--out', out]);
    expect(noFile.code).toBe(1);
    expect(noFile.stderr).toContain('Không có tệp dữ liệu nào');
    expect(docxFiles(out)).toEqual([]);
  });

  it('refuses data without the province (exit 1, nothing written)', async () => {
    const out = tempDir();
    const r = await dakindex(['letter', 'publish', '--month', '6', '--year', '2024', '--input', 'fixtures/daklak/diem-766-2024-07-02.xlsx', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('không có điểm của tỉnh Đắk Lắk');
    expect(docxFiles(out)).toEqual([]);
  });

  it('lists the subcommands in Vietnamese help', async () => {
    const r = await dakindex(['letter', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/publish/);
    expect(r.stdout).toMatch(/low-score/);
    expect(r.stdout).toMatch(/par-sipas/);
    const none = await dakindex(['letter']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('cần chọn loại công văn: publish, low-score hoặc par-sipas');
    expect((await dakindex(['letter', 'thong-bao'])).code).toBe(2);
    const sub = await dakindex(['letter', 'low-score', '--help']);
    expect(sub.stdout).toContain('--bottom <N>');
    expect(sub.stdout).toContain('Tùy chọn:');
  });
});

describe('letter par-sipas options', () => {
  it('does not accept --previous or --date: the figures file holds the year before and the announcement (exit 2)', async () => {
    const out = tempDir();
    const base = ['letter', 'par-sipas', '--year', '2021', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--out', out];
    const previous = await dakindex([...base, '--previous', 'fixtures/par-sipas/par-sipas-2021.yaml']);
    expect(previous.code).toBe(2);
    expect(previous.stderr).toContain("lỗi: không có tùy chọn '--previous'");
    const date = await dakindex([...base, '--date', '2022-05-25']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("lỗi: không có tùy chọn '--date'");
    expect(date.stderr).toContain('(có phải --data?)');
    const help = await dakindex(['letter', 'par-sipas', '--help']);
    expect(help.stdout).toContain('--input <TỆP>');
    expect(help.stdout).not.toContain('--previous');
    expect(help.stdout).not.toContain('--date');
    expect(docxFiles(out)).toEqual([]);
  });

  it('reads one file and one sheet (exit 2)', async () => {
    const out = tempDir();
    const two = await dakindex(['letter', 'par-sipas', '--input', 'a.yaml', '--input', 'b.yaml', '--out', out]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--input: công văn PAR Index, SIPAS đọc một tệp số liệu');
    const sheets = await dakindex(['letter', 'par-sipas', '--input', 'a.xlsx', '--sheet', 'A', '--sheet', 'B', '--out', out]);
    expect(sheets.code).toBe(2);
    expect(sheets.stderr).toContain('--sheet: chỉ chọn một sheet');
  });
});

describe('letter par-sipas input', () => {
  async function parSipas(file: string): Promise<{ code: number; stderr: string; out: string }> {
    const out = tempDir();
    const r = await dakindex(['letter', 'par-sipas', '--year', '2021', '--input', file, '--out', out]);
    expect(docxFiles(out)).toEqual(r.code === 0 ? docxFiles(out) : []);
    return { code: r.code, stderr: r.stderr, out };
  }

  it('names the file and the missing key (exit 1, nothing written)', async () => {
    const dir = tempDir();
    const file = join(dir, 'thieu-khoa.yaml');
    writeFileSync(
      file,
      readFileSync('fixtures/par-sipas/par-sipas-2021.yaml', 'utf8').replace('sipas: { percent: 83.65, rank: 59 }', 'sipas: { percent: 83.65 }'),
    );
    const r = await parSipas(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain('khóa years.2021.sipas.rank: thiếu giá trị (cần một số)');
    expect(docxFiles(r.out)).toEqual([]);
  });

  it('names misspelt keys, wrong values and ranks beyond the number of provinces', async () => {
    const dir = tempDir();
    const file = join(dir, 'sai.json');
    writeFileSync(
      file,
      JSON.stringify({
        years: {
          2021: { announced: '2022-02-30', provinces: 63, par: { score: 'tám', rank: 70 }, sipas: { percent: 83.65, rnak: 59 } },
        },
      }),
    );
    const r = await parSipas(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('khóa years.2021.announced: cần một ngày có thật');
    expect(r.stderr).toContain('khóa years.2021.par.score: cần một số, nhận được "tám"');
    expect(r.stderr).toContain('khóa years.2021.sipas: khóa không rõ: rnak');
    const ranks = join(dir, 'hang.json');
    writeFileSync(
      ranks,
      JSON.stringify({ years: { 2021: { announced: '25/5/2022', provinces: 63, par: { score: '86,52', rank: 70 }, sipas: { percent: 83.65, rank: 59 } } } }),
    );
    const h = await parSipas(ranks);
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('khóa years.2021.par.rank: xếp hạng 70 lớn hơn số tỉnh, thành phố (63)');
  });

  it('needs the announcement date of the year of the letter', async () => {
    const dir = tempDir();
    const file = join(dir, 'par-sipas.yaml');
    writeFileSync(file, readFileSync('fixtures/par-sipas/par-sipas-2021.yaml', 'utf8').replace(/^\s*announced: 2022-05-25.*\n/m, ''));
    const r = await parSipas(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('khóa years.2021.announced: thiếu ngày công bố kết quả năm 2021');
  });

  it('names the workbook cell of a missing figure', async () => {
    const dir = tempDir();
    const file = join(dir, 'par-sipas.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('fixtures/par-sipas/par-sipas-2021.xlsx');
    wb.getWorksheet('PAR-SIPAS')!.getCell('G4').value = null;
    await wb.xlsx.writeFile(file);
    const r = await parSipas(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sheet "PAR-SIPAS", ô G4 (Xếp hạng SIPAS): thiếu giá trị (cần một số)');
  });

  it('names a missing workbook column', async () => {
    const dir = tempDir();
    const file = join(dir, 'par-sipas.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile('fixtures/par-sipas/par-sipas-2021.xlsx');
    wb.getWorksheet('PAR-SIPAS')!.spliceColumns(5, 1);
    await wb.xlsx.writeFile(file);
    const r = await parSipas(file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('thiếu cột "Xếp hạng PAR Index" (khóa par.rank)');
  });

  it('refuses a province other than the configured one, an unknown year and other file types', async () => {
    const dir = tempDir();
    const other = join(dir, 'khac.yaml');
    writeFileSync(other, readFileSync('fixtures/par-sipas/par-sipas-2021.yaml', 'utf8').replace('province: Đắk Lắk', 'province: Gia Lai'));
    expect((await parSipas(other)).stderr).toContain('số liệu của tỉnh Gia Lai, không phải tỉnh Đắk Lắk');
    const out = tempDir();
    const year = await dakindex(['letter', 'par-sipas', '--year', '2019', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--out', out]);
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('không có số liệu năm 2019 (có: 2020, 2021)');
    const txt = join(dir, 'so-lieu.txt');
    writeFileSync(txt, 'PAR 86,52');
    expect((await parSipas(txt)).stderr).toContain('phải là tệp .yaml, .yml, .json hoặc .xlsx');
    const broken = join(dir, 'hong.yaml');
    writeFileSync(broken, 'years: [1, 2\n');
    const b = await parSipas(broken);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('không đọc được YAML');
  });

  it('finds par-sipas-YEAR.* in --data, and refuses --previous and --date (exit 2)', async () => {
    const dir = tempDir();
    copyFileSync('fixtures/par-sipas/par-sipas-2021.yaml', join(dir, 'par-sipas-2021.yaml'));
    const r = await letter(['par-sipas', '--year', '2021', '--data', dir]);
    expect(r.docs[0]!.text).toContain('xếp vị thứ 36/63 tỉnh, thành phố trực thuộc Trung ương');
    const out = tempDir();
    const prev = await dakindex(['letter', 'par-sipas', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--previous', 'x.yaml', '--out', out]);
    expect(prev.code).toBe(2);
    const date = await dakindex(['letter', 'par-sipas', '--input', 'fixtures/par-sipas/par-sipas-2021.yaml', '--date', '2022-05-25', '--out', out]);
    expect(date.code).toBe(2);
    expect(docxFiles(out)).toEqual([]);
  });
});
