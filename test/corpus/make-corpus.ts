/**
 * The reader's corpus (issue 7): one small file per kind of export that went wrong and per
 * producer, written into test/corpus/files/. `npm run corpus` rewrites the files made here;
 * `npm run corpus -- --external` also runs the producers that need LibreOffice or Python's
 * openpyxl (their output is committed, so tests never need them). Each file has its expected
 * `check --json` result, written by hand, in test/corpus/expected/NAME.json.
 *
 * Adding a case: one entry in CORPUS, the file it writes, one expected file.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as zlib from 'node:zlib';
import {
  apiTable,
  bandRows,
  csvText,
  FIVE,
  LABEL,
  MAX,
  provinceRows,
  rankRows,
  rateRows,
  rng,
  round2,
  SIX,
  sumValues,
  vnTable,
  writeText,
  writeXlsx,
  type BandCounts,
  type FixtureCell,
  type ScoreRow,
  type SheetSpec,
} from '../../fixtures/builders.js';
import { AGENCIES_14, COMMUNES_102, PROVINCES_34 } from '../../fixtures/names.js';
import { fileData, readZip, writeZip, type ZipFile } from '../../src/io/zip.js';
import type { Rng } from '../../fixtures/rng.js';
import { CORPUS_DIR } from './expectation.js';


export interface CorpusCase {
  /** File name under test/corpus/files/; its expected result is expected/<name without extension>.json. */
  file: string;
  make: (path: string) => Promise<void> | void;
  /** Needs a tool outside Node; run only with --external, output committed. */
  external?: 'libreoffice' | 'python';
}

const TITLE = 'KẾT QUẢ ĐÁNH GIÁ BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP';
const SUFFIX = ' - tỉnh Đắk Lắk';
const NUM = '0.00';
const COMMUNES = COMMUNES_102.filter((n) => n.startsWith('UBND xã'));

function sheet(name: string, t: { rows: FixtureCell[][]; merges?: string[] }, numFmt: string | undefined = NUM): SheetSpec {
  return { name, rows: t.rows, merges: t.merges ?? [], ...(numFmt ? { numFmt } : {}) };
}

/** `n` communes (points, total and rank columns) with totals in `bands`. */
function communeTable(r: Rng, names: string[], bands: BandCounts, title: string[] = []) {
  return vnTable({ title, groups: SIX, totalColumn: true, rankColumn: true, rows: rankRows(bandRows(r, names, bands, SIX)) });
}

/** A few agencies as points with their total: the smallest table a title can sit on. */
function agencyTable(r: Rng, title: string[], n = 3) {
  return vnTable({ title, groups: SIX, nameLabel: 'Tên cơ quan', totalColumn: true, rows: rankRows(bandRows(r, AGENCIES_14.slice(0, n), [n - 1, 1, 0, 0, 0], SIX)) });
}

/** Merged ranges moved down by `rows`. */
function shiftMerges(merges: string[], rows: number): string[] {
  return merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + rows)));
}

/** Rows of `b` placed to the right of the rows of `a`, from column `offset` + 1 on. */
function besideRows(a: FixtureCell[][], b: FixtureCell[][], offset: number): FixtureCell[][] {
  const out: FixtureCell[][] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const left = [...(a[i] ?? [])];
    while (left.length < offset) left.push(null);
    out.push([...left, ...(b[i] ?? [])]);
  }
  return out;
}

const serialOf = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

// ---------------------------------------------------------------------------------------------
// 1. Letters crossing the inflate chunk boundaries of a large shared-strings part

const SYLLABLES_A = ['Nguyễn', 'Điện', 'Thượng', 'Hưởng', 'Quảng', 'Đắk', 'Cư', 'Krông', 'Ea', 'Buôn', 'Phước', 'Hồng', 'Tương', 'Khuê', 'Ứng', 'Ngọc', 'Sơn', 'Xuân', 'Lộc', 'Thạnh'];
const SYLLABLES_B = ['Mỹ', 'Đức', 'Hòa', 'Bình', 'Tuyền', 'Dương', 'Lệ', 'Nhơn', 'Ưng', 'Kiết', 'Huỳnh', 'Thủy', 'Tiến', 'Nghĩa', 'Phượng', 'Lưỡng', 'Trường', 'Ỷ', 'Đoài', 'Ấp'];
const SYLLABLES_C = ['', ' Bắc', ' Nam', ' Đông', ' Tây', ' Thượng', ' Hạ', ' Trung', ' Một', ' Hai'];

/** 2,000 distinct commune names, dense in multi-byte letters. */
export function largeCommuneNames(): string[] {
  const out: string[] = [];
  for (const c of SYLLABLES_C) for (const a of SYLLABLES_A) for (const b of SYLLABLES_B) if (out.length < 2000) out.push(`UBND xã ${a} ${b}${c}`);
  return out;
}

const CHUNK = 16 * 1024;

/** Names whose UTF-8 bytes in xl/sharedStrings.xml hold a letter split by a 16 KB boundary. */
export function namesAcrossChunks(xlsx: Buffer, names: string[]): string[] {
  const part = readZip(xlsx).find((f) => f.name === 'xl/sharedStrings.xml');
  if (!part) throw new Error('no shared strings');
  const data = fileData(part);
  const found: string[] = [];
  for (let at = CHUNK; at < data.length; at += CHUNK) {
    // A continuation byte (10xxxxxx) at the boundary: the letter started in the chunk before.
    if ((data[at]! & 0xc0) !== 0x80) continue;
    const start = data.lastIndexOf('<t>', at);
    const end = data.indexOf('</t>', at);
    const text = data.subarray(start + 3, end).toString('utf8');
    if (names.includes(text)) found.push(text);
  }
  return found;
}

/** Mid-letter 16 KB boundaries of the shared strings when every string after the first moves by `shift` bytes. */
function midLetterBoundaries(sst: Buffer, firstEnd: number, shift: number): number {
  let n = 0;
  for (let at = CHUNK; at < sst.length + shift; at += CHUNK) if (at - shift > firstEnd && (sst[at - shift]! & 0xc0) === 0x80) n++;
  return n;
}

async function makeLargeSharedStrings(path: string): Promise<void> {
  const names = largeCommuneNames();
  // The document number left blank with dots, as offices do; the number of dots moves the strings
  // after it so that most 16 KB boundaries fall inside a letter.
  const sheetOf = (dots: number) => {
    const t = communeTable(rng(101), names, [800, 650, 400, 120, 30], [`Số: ${'.'.repeat(dots)}/BC-VPUBND`, TITLE, 'Số liệu tính đến ngày 14/11/2025']);
    return [sheet('Xã Phường', t)];
  };
  await writeXlsx(path, sheetOf(1));
  const sst = fileData(readZip(readFileSync(path)).find((f) => f.name === 'xl/sharedStrings.xml')!);
  const firstEnd = sst.indexOf('</t>');
  let best = 0;
  for (let dots = 0; dots < 64; dots++) if (midLetterBoundaries(sst, firstEnd, dots) > midLetterBoundaries(sst, firstEnd, best)) best = dots;
  await writeXlsx(path, sheetOf(1 + best));
  const across = namesAcrossChunks(readFileSync(path), names);
  if (across.length < 2) throw new Error(`only ${across.length} names cross a 16 KB boundary`);
  console.log(`  names across 16 KB boundaries: ${across.join(' | ')}`);
}

// ---------------------------------------------------------------------------------------------
// 2, producers: openpyxl (Python), LibreOffice

interface PlainSheet {
  name: string;
  rows: FixtureCell[][];
  merges?: string[];
}

const OPENPYXL = `
import json, sys
from openpyxl import Workbook
spec = json.load(open(sys.argv[1], encoding='utf-8'))
wb = Workbook()
wb.remove(wb.active)
for s in spec:
    ws = wb.create_sheet(s['name'])
    for row in s['rows']:
        ws.append(row)
    for m in s.get('merges', []):
        ws.merge_cells(m)
wb.save(sys.argv[2])
`;

/** Sheets written by Python's openpyxl (absolute targets in workbook.xml.rels). */
function writeWithOpenpyxl(path: string, sheets: PlainSheet[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-py-'));
  writeFileSync(join(dir, 'spec.json'), JSON.stringify(sheets));
  writeFileSync(join(dir, 'write.py'), OPENPYXL);
  execFileSync('python3', [join(dir, 'write.py'), join(dir, 'spec.json'), path], { stdio: 'inherit' });
}

/** `soffice --headless --convert-to EXT` of an exceljs workbook, in a profile of its own. */
async function convertWithLibreOffice(path: string, ext: 'xlsx' | 'ods', sheets: SheetSpec[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lo-'));
  const src = join(dir, 'in', 'source.xlsx');
  await writeXlsx(src, sheets);
  const out = join(dir, 'out');
  const profile = pathToFileURL(join(dir, 'profile')).href;
  const filter = ext === 'xlsx' ? 'xlsx:Calc MS Excel 2007 XML' : 'ods';
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, src], { stdio: 'pipe', timeout: 180_000 });
  const written = readdirSync(out).find((f) => f.endsWith(`.${ext}`));
  if (!written) throw new Error(`LibreOffice wrote no .${ext}`);
  copyFileSync(join(out, written), path);
}

/** Portal API rows of a level, names suffixed as the portal prints them. */
function apiRows(rows: ScoreRow[], level: number, suffix = ''): ScoreRow[] {
  return rows.map((r) => ({ ...r, level, name: r.name + suffix }));
}

/** The An Giang monthly workbook's layout (new-766), saved by openpyxl, with Đắk Lắk's units. */
function makeAnGiangOpenpyxl(path: string): void {
  const r = rng(201);
  const provinces = (bands: BandCounts) => apiRows(rankRows(bandRows(r, PROVINCES_34.slice(20, 30), bands, SIX)), 1);
  const year = provinces([2, 6, 2, 0, 0]);
  const month = provinces([3, 6, 1, 0, 0]);
  const agencies = apiRows(rankRows(bandRows(r, AGENCIES_14.slice(0, 5), [3, 2, 0, 0, 0], SIX)), 2, SUFFIX);
  const communes = apiRows(rankRows(bandRows(r, COMMUNES.slice(0, 8), [5, 3, 0, 0, 0], SIX)), 3, SUFFIX);
  const trend = (label: string, n: number): FixtureCell[][] => [
    [label, 'TB_SCORE'],
    ...Array.from({ length: n }, (_, i): FixtureCell[] => [i + 1, round2(80 + r.next() * 10)]),
  ];
  writeWithOpenpyxl(path, [
    { name: 'Điểm năm', rows: apiTable(year) },
    { name: 'Điểm tháng', rows: apiTable(month) },
    { name: 'Xu hướng tháng', rows: trend('MONTH', 10) },
    { name: 'Xu hướng quý', rows: trend('QUY', 3) },
    { name: 'Sở Ban', rows: apiTable(agencies) },
    { name: 'Xã Phường', rows: apiTable(communes) },
  ]);
}

/** Đắk Lắk among ten provinces, fixed, fourth. */
const HOME = { name: 'Đắk Lắk', values: { ckmb: 16.2, tdgq: 18.95, dvctt: 9.4, tttt: 8.85, mdhl: 17.1, mdsh: 19.6 }, rank: 4 };
const TEN_PROVINCES = ['Đắk Lắk', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Quảng Ngãi', 'Đà Nẵng', 'Huế', 'Quảng Trị', 'Đồng Nai', 'Cần Thơ'];

/** The three-sheet workbook an office keeps, as Excel would save it (exceljs). */
function officeWorkbook(seed: number): SheetSpec[] {
  const r = rng(seed);
  const title = [TITLE, 'Số liệu tính đến ngày 14/11/2025'];
  const provinces = provinceRows(r, TEN_PROVINCES, HOME, SIX, [78, 95]);
  const agencies = rateRows(r, AGENCIES_14.slice(0, 6), [3, 2, 1, 0, 0], SIX);
  const communes = rankRows(bandRows(r, COMMUNES.slice(10, 20), [6, 3, 1, 0, 0], SIX));
  return [
    sheet('Tỉnh, thành phố', vnTable({ title, groups: SIX, nameLabel: 'Tỉnh/Thành phố', totalColumn: true, rankColumn: true, rows: provinces })),
    sheet('Sở Ban', vnTable({ title, groups: SIX, nameLabel: 'Tên cơ quan', rates: true, rows: agencies })),
    sheet('Xã Phường', vnTable({ title, groups: SIX, totalColumn: true, rankColumn: true, suffix: SUFFIX, rows: communes })),
  ];
}

/** openpyxl: province sheet known only by its name, a notes sheet to skip. */
function makeOpenpyxl(path: string): void {
  const r = rng(203);
  const title = [TITLE, 'Số liệu ngày 07/11/2025'];
  const home = { ...HOME, rank: 2 };
  const provinces = provinceRows(r, TEN_PROVINCES.slice(0, 6), home, SIX, [80, 94]);
  const agencies = rankRows(bandRows(r, AGENCIES_14.slice(4, 9), [2, 2, 1, 0, 0], SIX));
  const communes = rankRows(bandRows(r, COMMUNES.slice(30, 37), [4, 2, 1, 0, 0], SIX));
  writeWithOpenpyxl(path, [
    { name: 'Ghi chú', rows: [['Số liệu lấy từ Cổng Dịch vụ công quốc gia'], ['Người lập: Phòng Kiểm soát TTHC']] },
    { name: 'Tỉnh, thành phố', ...vnTable({ title, groups: SIX, nameLabel: 'Tỉnh/Thành phố', totalColumn: true, rankColumn: true, rows: provinces }) },
    { name: 'Sở Ban', ...vnTable({ title, groups: SIX, nameLabel: 'Tên cơ quan', totalColumn: true, rows: agencies }) },
    { name: 'Xã Phường', ...vnTable({ title, groups: SIX, totalColumn: true, rankColumn: true, rows: communes }) },
  ]);
}

// ---------------------------------------------------------------------------------------------
// 3. Summary rows under the commune table

async function makeSummaryRows(path: string): Promise<void> {
  const r = rng(301);
  const communes = rankRows(bandRows(r, COMMUNES.slice(40, 46), [3, 2, 1, 0, 0], SIX));
  const t = vnTable({ title: [TITLE, 'Số liệu tính đến ngày 14/11/2025'], groups: SIX, totalColumn: true, rankColumn: true, rows: communes });
  const mean = (f: (u: ScoreRow) => number) => round2(communes.reduce((s, u) => s + f(u), 0) / communes.length);
  const groups = SIX.map((g) => mean((u) => u.values![g]!));
  const total = mean((u) => sumValues(u.values!));
  for (const label of ['Trung bình', 'Trung bình cộng', 'Điểm bình quân chung', 'Cấp xã', 'Tỉnh Đắk Lắk']) {
    t.rows.push([null, label, ...groups, total, null]);
  }
  await writeXlsx(path, [sheet('Xã Phường', t)]);
}

// ---------------------------------------------------------------------------------------------
// 4. Dates in titles

function dateCase(title: string[]): (path: string) => Promise<void> {
  return (path) => writeXlsx(path, [sheet('Sở Ban', agencyTable(rng(401), title))]);
}

/** A title label with the date in the next cell: a Date (built-in date format) or a serial (custom). */
function dateCellCase(value: Date | number): (path: string) => Promise<void> {
  return async (path) => {
    const t = agencyTable(rng(402), []);
    const rows: FixtureCell[][] = [[TITLE], ['Số liệu tính đến ngày', value], [], ...t.rows];
    await writeXlsx(path, [{ name: 'Sở Ban', rows, numFmt: NUM, ...(typeof value === 'number' ? { columnNumFmt: { 2: 'dd/mm/yyyy' } } : {}) }]);
  };
}

// ---------------------------------------------------------------------------------------------
// 5. Agency rates as fractions

async function makeAgencyFractions(path: string): Promise<void> {
  const agencies = rateRows(rng(501), AGENCIES_14.slice(0, 5), [3, 2, 0, 0, 0], SIX).map((a) => ({
    ...a,
    values: Object.fromEntries(Object.entries(a.values!).map(([g, v]) => [g, Math.round(v * 100) / 10_000])),
  }));
  const t = vnTable({ title: [TITLE, 'Số liệu tính đến ngày 14/11/2025'], groups: SIX, nameLabel: 'Tên cơ quan', rates: true, rows: agencies });
  // General format: a computed column pasted as values.
  await writeXlsx(path, [sheet('Sở Ban', t, undefined)]);
}

// ---------------------------------------------------------------------------------------------
// 6. Invisible characters in names

export const INVISIBLE_NAMES: Array<[string, string]> = [
  ['UBND xã Hò\u200Ba Phú', 'UBND xã Hòa Phú'],
  ['UBND xã Ea\u200C Kar', 'UBND xã Ea Kar'],
  ['UBND xã Ea Kl\u200Dy', 'UBND xã Ea Kly'],
  ['UBND xã Krông\u2060 Búk', 'UBND xã Krông Búk'],
  ['\uFEFFUBND xã Ea Ly', 'UBND xã Ea Ly'],
  ['UBND xã Cuôr Đă\u00ADng', 'UBND xã Cuôr Đăng'],
];

async function makeInvisibleChars(path: string): Promise<void> {
  const r = rng(601);
  const rows = rankRows(bandRows(r, INVISIBLE_NAMES.map(([raw]) => raw), [2, 2, 1, 1, 0], SIX));
  await writeXlsx(path, [sheet('Xã Phường', vnTable({ title: [TITLE, 'Số liệu tính đến ngày 14/11/2025'], groups: SIX, totalColumn: true, rankColumn: true, rows }))]);
}

// ---------------------------------------------------------------------------------------------
// 7. Tables not seen

/** Communes in A–J, agencies (rates) in M–T of one sheet. */
async function makeSideBySide(path: string): Promise<void> {
  const r = rng(701);
  const communes = communeTable(r, COMMUNES.slice(50, 58), [4, 3, 1, 0, 0], [`${TITLE} - Số liệu ngày 14/11/2025`]);
  const agencies = vnTable({ title: [], gap: 2, groups: SIX, nameLabel: 'Tên cơ quan', rates: true, rows: rateRows(r, AGENCIES_14.slice(8, 13), [2, 2, 1, 0, 0], SIX) });
  if (communes.headerRow !== agencies.headerRow) throw new Error('headers on different rows');
  await writeXlsx(path, [sheet('Kết quả', { rows: besideRows(communes.rows, agencies.rows, 12), merges: communes.merges })]);
}

/** Agencies, then under them a commune table with its own title and header. */
async function makeStackedTables(path: string): Promise<void> {
  const r = rng(702);
  const agencies = vnTable({ title: [TITLE, 'Số liệu tính đến ngày 14/11/2025'], groups: SIX, nameLabel: 'Tên cơ quan', totalColumn: true, rows: rankRows(bandRows(r, AGENCIES_14.slice(0, 4), [2, 1, 1, 0, 0], SIX)) });
  const communes = communeTable(r, COMMUNES.slice(60, 66), [3, 2, 0, 1, 0], ['KẾT QUẢ CẤP XÃ']);
  const below = agencies.rows.length + 1;
  await writeXlsx(path, [sheet('Kết quả', { rows: [...agencies.rows, [], ...communes.rows], merges: [...agencies.merges, ...shiftMerges(communes.merges, below)] })]);
}

/** 45 communes with the header row repeated at the top of each printed page (every 15 rows). */
async function makeRepeatedHeader(path: string): Promise<void> {
  const t = communeTable(rng(703), COMMUNES.slice(0, 45), [20, 15, 6, 3, 1], [TITLE, 'Số liệu tính đến ngày 14/11/2025']);
  const header = t.rows[t.headerRow - 1]!;
  const rows = t.rows.slice(0, t.headerRow);
  t.rows.slice(t.headerRow).forEach((row, i) => {
    if (i > 0 && i % 15 === 0) rows.push(header);
    rows.push(row);
  });
  await writeXlsx(path, [sheet('Xã Phường', { rows, merges: t.merges })]);
}

// ---------------------------------------------------------------------------------------------
// 8. Styled empty rows down to row 1,048,576

async function makeStyledEmptyRows(path: string): Promise<void> {
  const t = communeTable(rng(801), COMMUNES_102, [80, 18, 3, 1, 0], [TITLE, 'Số liệu tính đến ngày 14/11/2025']);
  await writeXlsx(path, [sheet('Xã Phường', t)]);
  const files = readZip(readFileSync(path)).map((f): ZipFile => {
    if (f.name !== 'xl/worksheets/sheet1.xml') return f;
    const xml = fileData(f).toString('utf8');
    const style = /<c r="C\d+" s="(\d+)"/.exec(xml)?.[1] ?? '0';
    const empty: string[] = [];
    for (let row = t.rows.length + 1; row <= 1_048_576; row++) empty.push(`<row r="${row}" spans="1:10" s="${style}" customFormat="1"/>`);
    const out = xml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:J1048576"/>')
      .replace('</sheetData>', `${empty.join('')}</sheetData>`);
    const data = Buffer.from(out, 'utf8');
    return { name: f.name, method: 8, crc: zlib.crc32(data) >>> 0, size: data.length, stored: zlib.deflateRawSync(data, { level: 9 }) };
  });
  writeFileSync(path, writeZip(files));
}

// ---------------------------------------------------------------------------------------------
// 10. A stored zip entry with one changed byte (the CRC of the original kept)

async function makeStoredCrc(path: string): Promise<void> {
  await writeXlsx(path, [sheet('Sở Ban', agencyTable(rng(1001), [TITLE, 'Số liệu tính đến ngày 14/11/2025'], 4))]);
  const files = readZip(readFileSync(path)).map((f): ZipFile => {
    if (f.name !== 'xl/worksheets/sheet1.xml') return f;
    const data = Buffer.from(fileData(f));
    // The first decimal of the first agency's first score (row 5): the figure stays plausible.
    const at = data.indexOf('.', data.indexOf('<v>', data.indexOf('<c r="C5"'))) + 1;
    data[at] = data[at] === 0x39 ? 0x31 : 0x39;
    return { name: f.name, method: 0, crc: f.crc, size: data.length, stored: data };
  });
  writeFileSync(path, writeZip(files));
}

// ---------------------------------------------------------------------------------------------
// 12. Clearer refusals

function makeCsvDecimalComma(path: string): void {
  const rows = rankRows(bandRows(rng(1201), COMMUNES.slice(0, 4), [2, 2, 0, 0, 0], SIX));
  const head = ['STT', 'Tên đơn vị', ...SIX.map((g) => `${LABEL[g]} (${MAX[g]})`), 'Tổng điểm (100)'];
  // Decimal commas written unquoted, as a spreadsheet set to Vietnamese saves ",": every number splits.
  const lines = [head.join(','), ...rows.map((u, i) => [i + 1, u.name, ...SIX.map((g) => u.values![g]!), sumValues(u.values!)].map((v) => String(v).replace('.', ',')).join(','))];
  writeText(path, `${lines.join('\r\n')}\r\n`);
}

// ---------------------------------------------------------------------------------------------
// Producers

/** Portal API layout: all levels in one sheet, DVCTT code, ROW_STT ranking sở and xã together. */
async function makePortalApi(path: string): Promise<void> {
  const r = rng(1301);
  const provinces = apiRows(provinceRows(r, TEN_PROVINCES.slice(0, 5), { ...HOME, rank: 3 }, SIX, [80, 94]), 1).map((p) => ({ ...p, code: p.name === 'Đắk Lắk' ? 'H15' : `H${p.rank! + 40}` }));
  const local = rankRows([
    ...apiRows(bandRows(r, AGENCIES_14.slice(0, 4), [2, 1, 1, 0, 0], SIX), 2, SUFFIX),
    ...apiRows(bandRows(r, COMMUNES.slice(70, 76), [3, 2, 1, 0, 0], SIX), 3, SUFFIX),
  ]).map((u, i) => ({ ...u, code: `H15.${i + 1}` }));
  const rows = apiTable([...provinces, ...local]);
  rows[0] = rows[0]!.map((h) => (h === 'CLGQ' ? 'DVCTT' : h));
  await writeXlsx(path, [{ name: 'Sheet1', rows }]);
}

function csvRows(title: string, units: ScoreRow[]): Array<Array<string | number | null>> {
  return [
    [title],
    ['STT', 'Tên đơn vị', ...SIX.map((g) => `${LABEL[g]} (${MAX[g]})`), 'Tổng điểm (100)'],
    ...units.map((u, i) => [i + 1, u.name, ...SIX.map((g) => u.values![g]!), sumValues(u.values!)]),
  ];
}

function makeCsvUtf8(path: string): void {
  const communes = rankRows(bandRows(rng(1401), COMMUNES.slice(20, 28), [4, 3, 1, 0, 0], SIX));
  writeText(path, csvText(csvRows('Số liệu tính đến ngày 14/11/2025', communes), ',', false));
}

/** UTF-16 LE with BOM, ";" and decimal commas: Excel's Unicode text export as a Vietnamese office saves it. */
function makeCsvUtf16(path: string): void {
  const agencies = rankRows(bandRows(rng(1402), AGENCIES_14.slice(2, 8), [3, 2, 0, 1, 0], SIX));
  const text = csvText(csvRows('Số liệu tính đến ngày 14/11/2025', agencies), ';', true);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
}

/** HTML saved as .xls: five groups, decimal commas, section rows, a footer line. */
function makeHtmlXls(path: string): void {
  const r = rng(1501);
  const agencies = rankRows(bandRows(r, AGENCIES_14.slice(0, 3), [1, 1, 1, 0, 0], FIVE));
  const communes = rankRows(bandRows(r, COMMUNES.slice(80, 85), [2, 2, 0, 1, 0], FIVE));
  const width = 3 + FIVE.length;
  const num = (n: number) => String(n).replace('.', ',');
  const unit = (u: ScoreRow, i: number) =>
    `<tr><td>${i + 1}</td><td>${u.name}</td>${FIVE.map((g) => `<td>${num(u.values![g]!)}</td>`).join('')}<td>${num(sumValues(u.values!))}</td></tr>`;
  const section = (label: string) => `<tr><td colspan="${width}"><b>${label}</b></td></tr>`;
  const html = `<html><head><meta charset="utf-8"></head><body><table border="1">
<tr><td colspan="${width}">${TITLE}</td></tr>
<tr><td colspan="${width}">Số liệu tính đến ngày 14/11/2025</td></tr>
<tr><th>STT</th><th>Tên đơn vị</th>${FIVE.map((g) => `<th>${LABEL[g]} (${MAX[g]})</th>`).join('')}<th>Tổng điểm</th></tr>
${section('I. Sở, ban, ngành')}
${agencies.map(unit).join('\n')}
${section('II. UBND cấp xã')}
${communes.map(unit).join('\n')}
</table></body></html>
`;
  writeText(path, html);
}

// ---------------------------------------------------------------------------------------------

export const CORPUS: CorpusCase[] = [
  { file: 'k01-large-shared-strings.xlsx', make: makeLargeSharedStrings },
  { file: 'k02-an-giang-openpyxl.xlsx', make: makeAnGiangOpenpyxl, external: 'python' },
  { file: 'k03-summary-rows.xlsx', make: makeSummaryRows },
  { file: 'k04-date-single.xlsx', make: dateCase([TITLE, 'Số liệu ngày 05/11/2025']) },
  { file: 'k04-date-range.xlsx', make: dateCase([TITLE, 'Số liệu từ ngày 01/11/2025 đến ngày 14/11/2025']) },
  { file: 'k04-date-tinh-den.xlsx', make: dateCase([TITLE, 'Số liệu tính đến ngày 07/11/2025']) },
  { file: 'k04-date-cap-nhat.xlsx', make: dateCase([TITLE, '(Dữ liệu cập nhật ngày 12/11/2025)']) },
  { file: 'k04-date-dashes.xlsx', make: dateCase([TITLE, 'Số liệu ngày 13-11-2025']) },
  { file: 'k04-date-dots.xlsx', make: dateCase([TITLE, 'Số liệu ngày 10.11.2025']) },
  { file: 'k04-date-words.xlsx', make: dateCase([TITLE, 'Số liệu ngày 03 tháng 10 năm 2025']) },
  { file: 'k04-date-cell.xlsx', make: dateCellCase(new Date(Date.UTC(2025, 10, 14))) },
  { file: 'k04-date-serial.xlsx', make: dateCellCase(serialOf(2025, 11, 21)) },
  { file: 'k04-date-ambiguous.xlsx', make: dateCase([TITLE, 'Số liệu tính đến ngày 07/11/2025', '(Số liệu ngày 14/11/2025)']) },
  { file: 'k05-agency-fractions.xlsx', make: makeAgencyFractions },
  { file: 'k06-invisible-chars.xlsx', make: makeInvisibleChars },
  { file: 'k07-side-by-side.xlsx', make: makeSideBySide },
  { file: 'k07-stacked-tables.xlsx', make: makeStackedTables },
  { file: 'k07-repeated-header.xlsx', make: makeRepeatedHeader },
  { file: 'k08-styled-empty-rows.xlsx', make: makeStyledEmptyRows },
  { file: 'k10-stored-crc.xlsx', make: makeStoredCrc },
  { file: 'k12-opendocument.ods', make: (p) => convertWithLibreOffice(p, 'ods', [sheet('Sở Ban', agencyTable(rng(1202), [TITLE, 'Số liệu ngày 14/11/2025']))]), external: 'libreoffice' },
  { file: 'k12-csv-decimal-comma.csv', make: makeCsvDecimalComma },
  { file: 'p-exceljs.xlsx', make: (p) => writeXlsx(p, officeWorkbook(1601)) },
  { file: 'p-libreoffice.xlsx', make: (p) => convertWithLibreOffice(p, 'xlsx', officeWorkbook(1601)), external: 'libreoffice' },
  { file: 'p-openpyxl.xlsx', make: makeOpenpyxl, external: 'python' },
  { file: 'p-portal-api-2025-11-14.xlsx', make: makePortalApi },
  { file: 'p-csv-utf8.csv', make: makeCsvUtf8 },
  { file: 'p-csv-utf16.csv', make: makeCsvUtf16 },
  { file: 'p-html.xls', make: makeHtmlXls },
];

async function main(): Promise<void> {
  const external = process.argv.includes('--external');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  mkdirSync(CORPUS_DIR, { recursive: true });
  for (const c of CORPUS) {
    if (only.length && !only.includes(c.file)) continue;
    if (c.external && !external && !only.includes(c.file)) {
      console.log(`${c.file}: kept (needs ${c.external}; rerun with --external)`);
      continue;
    }
    await c.make(join(CORPUS_DIR, c.file));
    console.log(`${c.file}: written`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
