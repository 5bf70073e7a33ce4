/**
 * Every document kind for periods in 2024, 2025 and 2026, through the real CLI from the bundled
 * fixtures (issue 8, points 2 to 4): no level named without data, no basis dated after the
 * document, the dated bases and names of the document's date, one spelling per term, the body's
 * criteria in the order of the appendix columns.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dakindex, tempDir } from '../helpers/cli.js';
import { docxText, type DocxText } from '../helpers/seeds.js';
import { spellingsOf, TERMS } from '../helpers/spelling.js';

type Level = 'so' | 'huyen' | 'xa';

interface Case {
  name: string;
  /** Report kinds whose default template is bao-cao.hbs (month, quarter, year). */
  kind: 'week' | 'report' | 'publish' | 'low-score' | 'par-sipas';
  args: string[];
  /** The data file the run must choose (checked in its output); null for PAR/SIPAS. */
  file: string | null;
  /** The document's date: --issued, else the data's date (the announcement for PAR/SIPAS). */
  date: string;
  /** PAR/SIPAS has no unit data: its levels are those of its date. */
  levels?: Level[];
}

const DATA = ['--data', 'fixtures/daklak'];

/** PAR/SIPAS figures for the years 2023-2025, announced in 2024, 2025 (after 01/7) and 2026. */
const PAR_SIPAS: Record<number, { announced: string; provinces: number }> = {
  2023: { announced: '2024-05-10', provinces: 63 },
  2024: { announced: '2025-08-15', provinces: 34 },
  2025: { announced: '2026-05-20', provinces: 34 },
};

const CASES: Case[] = [
  { name: 'weekly report, tuần 01 tháng 6/2024', kind: 'week', args: ['report', '--week', '1', '--month', '6', '--year', '2024', ...DATA], file: 'diem-766-2024-06-04.xlsx', date: '2024-06-04' },
  { name: 'weekly report, tuần 02 tháng 11/2025', kind: 'week', args: ['report', '--week', '2', '--month', '11', '--year', '2025', ...DATA], file: 'diem-766-2025-11-14.xlsx', date: '2025-11-14' },
  { name: 'weekly report, tuần 02 tháng 3/2026', kind: 'week', args: ['report', '--week', '2', '--month', '3', '--year', '2026', ...DATA], file: 'diem-766-2026-03-09.xlsx', date: '2026-03-09' },
  { name: 'monthly report, tháng 5/2024', kind: 'report', args: ['report', '--month', '5', '--year', '2024', ...DATA], file: 'diem-766-2024-06-04.xlsx', date: '2024-06-04' },
  { name: 'monthly report, tháng 10/2025', kind: 'report', args: ['report', '--month', '10', '--year', '2025', ...DATA], file: 'diem-766-2025-11-07.xlsx', date: '2025-11-07' },
  { name: 'monthly report, tháng 2/2026', kind: 'report', args: ['report', '--month', '2', '--year', '2026', ...DATA], file: 'diem-766-2026-03-09.xlsx', date: '2026-03-09' },
  { name: 'quarterly report, Quý II năm 2024', kind: 'report', args: ['report', '--quarter', '2', '--year', '2024', ...DATA], file: 'diem-766-2024-07-02.xlsx', date: '2024-07-02' },
  {
    name: 'quarterly report, Quý II năm 2024, issued 06/01/2025',
    kind: 'report',
    args: ['report', '--quarter', '2', '--year', '2024', '--issued', '2025-01-06', ...DATA],
    file: 'diem-766-2024-07-02.xlsx',
    date: '2025-01-06',
  },
  { name: 'quarterly report, Quý IV năm 2025', kind: 'report', args: ['report', '--quarter', '4', '--year', '2025', ...DATA], file: 'diem-766-2026-01-09.xlsx', date: '2026-01-09' },
  { name: 'quarterly report, Quý I năm 2026', kind: 'report', args: ['report', '--quarter', '1', '--year', '2026', ...DATA], file: 'diem-766-2026-03-09.xlsx', date: '2026-03-09' },
  { name: 'yearly report, năm 2024', kind: 'report', args: ['report', '--year', '2024', ...DATA], file: 'diem-766-2024-07-02.xlsx', date: '2024-07-02' },
  { name: 'yearly report, năm 2025', kind: 'report', args: ['report', '--year', '2025', ...DATA], file: 'diem-766-2026-01-09.xlsx', date: '2026-01-09' },
  { name: 'publish letter, tháng 5/2024', kind: 'publish', args: ['letter', 'publish', '--month', '5', '--year', '2024', ...DATA], file: 'diem-766-2024-06-04.xlsx', date: '2024-06-04' },
  {
    name: 'publish letter, tháng 10/2025, issued 10/11/2025',
    kind: 'publish',
    args: ['letter', 'publish', '--month', '10', '--year', '2025', '--issued', '2025-11-10', ...DATA],
    file: 'diem-766-2025-11-07.xlsx',
    date: '2025-11-10',
  },
  { name: 'publish letter, tháng 2/2026', kind: 'publish', args: ['letter', 'publish', '--month', '2', '--year', '2026', ...DATA], file: 'diem-766-2026-03-09.xlsx', date: '2026-03-09' },
  { name: 'low-score letter, 04/6/2024', kind: 'low-score', args: ['letter', 'low-score', '--date', '2024-06-04', '--bottom', '5', '--target', '90', ...DATA], file: 'diem-766-2024-06-04.xlsx', date: '2024-06-04' },
  { name: 'low-score letter, 14/11/2025', kind: 'low-score', args: ['letter', 'low-score', '--date', '2025-11-14', '--bottom', '5', '--target', '94', ...DATA], file: 'diem-766-2025-11-14.xlsx', date: '2025-11-14' },
  {
    name: 'low-score letter, 09/3/2026',
    kind: 'low-score',
    args: ['letter', 'low-score', '--date', '2026-03-09', '--bottom', '7', '--target', '94', '--since', '2026-01-09', ...DATA],
    file: 'diem-766-2026-03-09.xlsx',
    date: '2026-03-09',
  },
  ...Object.entries(PAR_SIPAS).map(([year, y]): Case => ({
    name: `PAR/SIPAS letter, năm ${year} (công bố ${y.announced})`,
    kind: 'par-sipas',
    args: ['letter', 'par-sipas', '--year', year, '--input', `par-sipas-${year}.yaml`],
    file: null,
    date: y.announced,
    levels: y.announced < '2025-07-01' ? ['so', 'huyen', 'xa'] : ['so', 'xa'],
  })),
];

/** Phrases naming a level: a document without that level's data must have none of them. */
const LEVEL_PHRASES: Record<Level, RegExp> = {
  so: /sở, ban, ngành/iu,
  huyen: /huyện|thị xã/iu,
  xa: /cấp xã|các xã|xã, phường|phường, xã/iu,
};

/** "1541/UBND-KSTTHC ngày 27/02/2024" → the ISO dates of the documents a text cites. */
function citations(text: string): { cite: string; date: string }[] {
  return [...text.matchAll(/(\d+\/[\p{L}\d-]+)\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/gu)].map((m) => ({
    cite: m[0],
    date: `${m[4]}-${m[3]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`,
  }));
}

/** The paragraphs of the Nơi nhận list: "Nơi nhận:" and the "- ..." items after it. */
function noiNhan(doc: DocxText): Set<number> {
  const p = doc.paragraphs;
  const out = new Set<number>();
  const at = p.indexOf('Nơi nhận:');
  if (at < 0) return out;
  for (let i = at + 1; i < p.length && p[i]!.startsWith('- '); i++) out.add(i);
  return out;
}

interface Run {
  doc: DocxText;
  stdout: string;
  stderr: string;
  levels: Level[];
}

const runs = new Map<string, Run>();

async function dataLevels(file: string): Promise<Level[]> {
  const r = await dakindex(['check', join('fixtures/daklak', file), '--json']);
  expect(r.code, r.stderr).toBe(0);
  return Object.keys(JSON.parse(r.stdout).levels).filter((l): l is Level => l !== 'tinh');
}

beforeAll(async () => {
  const parDir = tempDir('dakindex-par-');
  for (const [year, y] of Object.entries(PAR_SIPAS)) {
    const prev = Number(year) - 1;
    writeFileSync(
      join(parDir, `par-sipas-${year}.yaml`),
      [
        'province: Đắk Lắk',
        'years:',
        `  ${year}: { announced: ${y.announced}, provinces: ${y.provinces}, par: { score: 88.1, rank: 20 }, sipas: { percent: 84.2, rank: 30 } }`,
        `  ${prev}: { announced: ${prev + 1}-05-15, provinces: ${y.provinces}, par: { score: 86.5, rank: 25 }, sipas: { percent: 83.0, rank: 33 } }`,
      ].join('\n'),
    );
  }
  for (const c of CASES) {
    const out = tempDir();
    const args = c.kind === 'par-sipas' ? c.args.map((a) => (a.endsWith('.yaml') ? join(parDir, a) : a)) : c.args;
    const r = await dakindex([...args, '--out', out]);
    expect(r.code, `${c.name}: ${r.stderr}`).toBe(0);
    if (c.file) expect(r.stdout, c.name).toContain(c.file);
    const [name] = readdirSync(out).filter((f) => f.endsWith('.docx'));
    const doc = docxText(readFileSync(join(out, name!)));
    runs.set(c.name, { doc, stdout: r.stdout, stderr: r.stderr, levels: c.levels ?? (await dataLevels(c.file!)) });
  }
});

const run = (name: string): Run => runs.get(name)!;
const fullText = (doc: DocxText): string => [doc.text, ...doc.footnotes].join(' ');

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
  it('names no level the data lacks (Nơi nhận included)', () => {
    const { doc, levels } = run(c.name);
    // Nơi nhận is part of the paragraphs searched below.
    expect(noiNhan(doc).size).toBeGreaterThan(0);
    for (const level of (['so', 'huyen', 'xa'] as const).filter((l) => !levels.includes(l))) {
      const named = doc.paragraphs.filter((p) => LEVEL_PHRASES[level].test(p));
      expect(named, `${level} named without its data`).toEqual([]);
      expect(doc.footnotes.filter((f) => LEVEL_PHRASES[level].test(f)), `${level} named in a footnote`).toEqual([]);
    }
  });

  it('cites no document dated after its own date', () => {
    const { doc } = run(c.name);
    const cited = citations(fullText(doc));
    // Every kind but PAR/SIPAS cites QĐ 766 at least: the check has something to check.
    if (c.kind !== 'par-sipas') expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((x) => x.date > c.date).map((x) => x.cite)).toEqual([]);
  });

  it('spells each term one way', () => {
    const used = spellingsOf(fullText(run(c.name).doc));
    for (const { term, spelling } of TERMS) {
      if (used[term]) expect(used[term], term).toEqual([spelling]);
    }
  });
});

describe('dated wording by the document’s date', () => {
  const year = (c: Case) => Number(c.date.slice(0, 4));
  const plan = 'Công văn số 1541/UBND-KSTTHC ngày 27/02/2024 của UBND tỉnh về việc triển khai các nhiệm vụ cải cách TTHC trọng tâm năm 2024';

  it('cites the 2024 plan in the reports and publish letters of 2024 only (by --issued when given)', () => {
    for (const c of CASES.filter((c) => c.kind === 'report' || c.kind === 'publish')) {
      const { doc } = run(c.name);
      if (year(c) === 2024) expect(doc.text, c.name).toContain(`trên môi trường điện tử; ${plan};`);
      else {
        expect(doc.text, c.name).not.toContain('1541/UBND-KSTTHC');
        expect(doc.text, c.name).not.toContain('trọng tâm năm 2024');
        expect(doc.text, c.name).toMatch(/dịch vụ công trực tuyến theo thời gian thực trên môi trường điện tử; Đồng thời,/);
      }
    }
  });

  it('names the bodies of the document’s date: Sở TT&TT and iGate before 2025, Sở KH&CN after', () => {
    for (const c of CASES.filter((c) => c.kind === 'report' || c.kind === 'week')) {
      const { doc } = run(c.name);
      if (c.date < '2025-03-01') {
        expect(doc.text, c.name).toContain('Đề nghị Sở Thông tin và Truyền thông chủ trì');
        expect(doc.text, c.name).toMatch(/giữa Hệ thống iGate với Cổng Dịch vụ công quốc gia/);
      } else {
        expect(doc.text, c.name).toContain('Đề nghị Sở Khoa học và Công nghệ chủ trì');
        expect(doc.text, c.name).toContain('giữa Hệ thống thông tin giải quyết TTHC của tỉnh với Cổng Dịch vụ công quốc gia');
        expect(doc.text, c.name).not.toMatch(/Thông tin và Truyền thông|iGate/);
      }
    }
  });

  it('bases the weekly report of 2024 on QĐ 766 and lists no later Công văn in its Kiến nghị', () => {
    const { doc } = run('weekly report, tuần 01 tháng 6/2024');
    expect(doc.text).toContain('Thực hiện Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ, Văn phòng UBND tỉnh báo cáo');
    expect(doc.text).toContain('theo chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh bảo đảm chất lượng, đúng tiến độ.');
    expect(doc.text).not.toContain('07406');
    // The data has districts: the Kiến nghị asks them, not the communes.
    expect(doc.text).toContain('Văn phòng UBND tỉnh đề nghị các sở, ban, ngành, UBND các huyện, thị xã, thành phố tập trung thực hiện');
  });

  it('addresses the monthly report of 10/2025 to no district: its Kiến nghị asks the agencies and the communes', () => {
    const { doc } = run('monthly report, tháng 10/2025');
    expect(doc.text).toContain('- Đề nghị các sở, ban, ngành, UBND các xã, phường công khai kết quả đánh giá');
    expect(doc.text).toContain('đối với các sở, ban, ngành và UBND cấp xã trên địa bàn tỉnh trong tháng 10/2025');
  });

  it('addresses the publish letters by the data’s levels and names the appendices they carry', () => {
    const kinhGui = (d: DocxText) => {
      const p = d.paragraphs;
      const at = p.indexOf('Kính gửi:');
      return p.slice(at + 1, at + 3);
    };
    const may = run('publish letter, tháng 5/2024').doc;
    expect(kinhGui(may)).toEqual(['- Các sở, ban, ngành;', '- UBND các huyện, thị xã, thành phố.']);
    expect(may.paragraphs).toContain('(Chi tiết tại Phụ lục I, II và III kèm theo).');
    const oct = run('publish letter, tháng 10/2025, issued 10/11/2025').doc;
    expect(kinhGui(oct)).toEqual(['- Các sở, ban, ngành;', '- UBND các xã, phường.']);
    expect(oct.paragraphs).toContain('(Chi tiết tại Phụ lục I và II kèm theo).');
    expect(oct.paragraphs.filter((p) => /^Phụ lục [IV]+$/.test(p))).toEqual(['Phụ lục I', 'Phụ lục II']);
  });

  it('footnotes the target’s source only when a configured document set it by then, and warns otherwise', () => {
    const late = run('low-score letter, 09/3/2026');
    expect(late.doc.footnotes).toContain('Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.');
    for (const name of ['low-score letter, 04/6/2024', 'low-score letter, 14/11/2025']) {
      const r = run(name);
      expect(r.doc.text).toMatch(/điểm số Chỉ số phục vụ người dân, doanh nghiệp .* đạt từ 9\d điểm trở lên\./);
      expect(r.doc.footnotes.filter((f) => f.startsWith('Chỉ tiêu theo'))).toEqual([]);
      expect(r.stderr).toMatch(/--target 9\d: cấu hình legalBases không có văn bản giao chỉ tiêu/);
    }
  });

  it('writes the PAR/SIPAS letter after 01/7/2025 to the communes', () => {
    const { doc } = run('PAR/SIPAS letter, năm 2024 (công bố 2025-08-15)');
    expect(doc.text).toContain('UBND tỉnh đề nghị các sở, ban, ngành, UBND các xã, phường thực hiện');
    expect(doc.text).toContain('Chủ tịch UBND các xã, phường triển khai thực hiện./.');
    const before = run('PAR/SIPAS letter, năm 2023 (công bố 2024-05-10)').doc;
    expect(before.text).toContain('Chủ tịch UBND các huyện, thị xã, thành phố triển khai thực hiện./.');
  });
});

describe('criteria of the body in the order of the appendix columns', () => {
  /** The group headers of the first appendix, online halves folded into the one criterion. */
  function appendixOrder(doc: DocxText): string[] {
    const p = doc.paragraphs;
    const at = p.indexOf('STT', p.indexOf('Phụ lục I'));
    const end = p.indexOf('Tổng điểm (100)', at);
    const labels = p.slice(at + 2, end).map((h) => h.replace(/ \(\d+\)$/, ''));
    const folded = labels.map((l) => (l === 'Dịch vụ công trực tuyến' || l === 'Thanh toán trực tuyến' ? 'Cung cấp dịch vụ trực tuyến' : l));
    return [...new Set(folded)];
  }

  it.each(CASES.filter((c) => c.kind === 'report' || c.kind === 'week').map((c) => [c.name]))('%s', (name) => {
    const { doc } = run(name);
    const columns = appendixOrder(doc);
    expect(columns.length).toBeGreaterThanOrEqual(5);
    const method = [...doc.text.matchAll(/\+ ([^:+]+): \d+(?:\/100)? điểm\./gu)].map((m) => m[1]!);
    expect(method).toEqual(columns);
    // The province's criteria lines (a), when the data has the province, follow the same order.
    const province = [...doc.text.matchAll(/- ([^:\-]+): [\d,]+\/\d+ điểm\./gu)].map((m) => m[1]!);
    if (province.length) expect(province).toEqual(columns.filter((c) => province.includes(c)));
  });
});
