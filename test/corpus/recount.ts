/**
 * An independent recount of a score file, for cross-checking `dakindex check --json` (issue 7).
 * Deliberately shares no code with src/: its own unzip (node:zlib), regex XML, plain CSV and HTML
 * splitting, and the rules of shared/spec/inputs.md and index-766.md written again from the spec:
 * header in any row (one or two rows), tables side by side or one under another, repeated header
 * rows, section rows, summary rows by label, rates × max / 100 (fractions 0–1 read as rates),
 * published total first, bands on the score rounded to 2 decimals, ranks 1, 2, 2, 4.
 */
import { inflateRawSync } from 'node:zlib';
import { extname } from 'node:path';

export type Level = 'tinh' | 'so' | 'huyen' | 'xa';
type Cell = string | number | null;
interface Grid {
  name: string;
  rows: Cell[][];
}

export interface RecountUnit {
  name: string;
  level: Level;
  total: number | null;
  band: string | null;
  rank: number | null;
}

export interface Recount {
  levels: Partial<Record<Level, { units: number; counts: Record<string, number> }>>;
  units: RecountUnit[];
  province: { name: string; score: number; rank: number | null } | null;
}

const MAXIMA = { ckmb: 18, tdgq: 20, dvctt: 12, tttt: 10, dvtt: 22, mdhl: 18, mdsh: 22 } as const;
type Group = keyof typeof MAXIMA;
const BANDS: Array<[string, number]> = [['xuat-sac', 90], ['tot', 80], ['kha', 70], ['trung-binh', 50], ['yeu', -Infinity]];
export const PROVINCE = 'Đắk Lắk';

// ---------------------------------------------------------------------------------------------
// Text

/** Lower case, no diacritics, no punctuation, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A name as a document prints it: no invisible characters, NFC, single spaces, no " - tỉnh X". */
export function cleanName(s: string): string {
  return s
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+-\s+t[iỉ]nh\s+.+$/i, '');
}

/** Key to compare names across implementations: apostrophes unified. */
export const nameKey = (s: string): string => cleanName(s).replace(/[’‘`]/g, "'");

/** 2 decimals, half up on the decimal figure: 89,995 is 90,00 (the binary 89.99499… is not). */
const round2 = (n: number): number => Math.round(Number((n * 100).toPrecision(15))) / 100;

// ---------------------------------------------------------------------------------------------
// Files to grids

function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const skip = nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(raw) : raw);
    p += 46 + skip;
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
}

const ATTR = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

/** Text of an <si> or <is>: its <t> runs, phonetic runs left out. */
function runText(xml: string): string {
  return unescapeXml([...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''));
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)![0]) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function readXlsx(buf: Buffer): Grid[] {
  const parts = unzip(buf);
  const text = (name: string) => new TextDecoder('utf-8').decode(parts.get(name) ?? Buffer.alloc(0));
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runText(m[1]!));
  const rels = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)) {
    const target = attr(m[0], 'Target')!;
    rels.set(attr(m[0], 'Id')!, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...text('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const name = unescapeXml(attr(m[0], 'name')!);
    const xml = text(rels.get(attr(m[0], 'r:id')!)!);
    const rows: Cell[][] = [];
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      if (!row[2]) continue;
      const cells: Cell[] = [];
      for (const c of row[2].matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const body = c[2] ?? '';
        const type = attr(c[1]!, 't');
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let value: Cell = null;
        if (type === 'inlineStr') value = runText(body);
        else if (v === undefined) value = null;
        else if (type === 's') value = shared[Number(v)]!;
        else if (type === 'str' || type === 'e' || type === 'b') value = unescapeXml(v);
        else value = Number(v);
        cells[columnIndex(attr(c[1]!, 'r')!)] = value;
      }
      rows[Number(attr(row[1]!, 'r')) - 1] = cells;
    }
    return { name, rows };
  });
}

function decode(buf: Buffer): string {
  if (buf[0] === 0xff && buf[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

function readCsv(buf: Buffer, name: string): Grid {
  const lines = decode(buf).split(/\r?\n/).filter((l) => l.trim() !== '');
  const sep = lines.slice(0, 5).join('').split(';').length > lines.slice(0, 5).join('').split(',').length ? ';' : ',';
  const rows = lines.map((line) => {
    const cells: Cell[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted && ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = !quoted;
      else if (ch === sep && !quoted) cells.push(cur), (cur = '');
      else cur += ch;
    }
    cells.push(cur);
    return cells.map((c) => (c === '' ? null : c));
  });
  return { name, rows };
}

function readHtml(buf: Buffer, name: string): Grid {
  const rows: Cell[][] = [];
  const taken = new Set<string>();
  [...decode(buf).matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].forEach((tr, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const td of tr[1]!.matchAll(/<t([dh])\b([^>]*)>([\s\S]*?)<\/t\1>/gi)) {
      while (taken.has(`${r}:${c}`)) c++;
      const text = unescapeXml(td[3]!.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, '')).replace(/\u00A0/g, ' ').trim();
      const span = Number(/colspan="?(\d+)/i.exec(td[2]!)?.[1] ?? 1);
      const down = Number(/rowspan="?(\d+)/i.exec(td[2]!)?.[1] ?? 1);
      rows[r]![c] = text === '' ? null : text;
      for (let i = 0; i < down; i++) for (let j = 0; j < span; j++) taken.add(`${r + i}:${c + j}`);
      c += span;
    }
  });
  return { name, rows };
}

export function readGrids(buf: Buffer, file: string): Grid[] {
  const stem = file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  if (buf.readUInt32LE(0) === 0x04034b50) return readXlsx(buf);
  if (/^[\s\uFEFF]*</.test(decode(buf.subarray(0, 200)))) return [readHtml(buf, stem)];
  if (extname(file) === '.csv') return [readCsv(buf, stem)];
  throw new Error(`recount cannot read ${file}`);
}

// ---------------------------------------------------------------------------------------------
// Grids to units

type Field = Group | 'name' | 'total' | 'level' | 'rank';
const FIELDS: Array<[Field, RegExp]> = [
  ['name', /^(ten don vi|ten co quan|co quan don vi|don vi|tinh thanh pho|ten|ten coquan)$/],
  ['level', /^(loai coquan|cap|loai don vi)$/],
  ['ckmb', /^(cong khai minh bach|ckmb)$/],
  ['tdgq', /^(tien do ket qua giai quyet|tien do giai quyet|tdgq)$/],
  ['dvctt', /^(dich vu cong truc tuyen|dvctt|clgq)$/],
  ['tttt', /^(thanh toan truc tuyen|tttt)$/],
  ['dvtt', /^(cung cap dich vu truc tuyen|dich vu truc tuyen)$/],
  ['mdhl', /^(muc do hai long|mdhl)$/],
  ['mdsh', /^(so hoa ho so|mdsh)$/],
  ['total', /^(tong diem|tong|diem|tong score)$/],
  ['rank', /^(xep hang|hang|row stt)$/],
];
const isGroup = (f: Field): f is Group => f in MAXIMA;

function fieldOf(cell: Cell): { field: Field; rate: boolean } | null {
  if (typeof cell !== 'string') return null;
  const rate = /%|^\s*t[yỷ] l[eệ]/i.test(cell);
  const label = fold(cell.replace(/\([^)]*\)\s*$/, '')).replace(/^ty le /, '');
  const hit = FIELDS.find(([, re]) => re.test(label));
  return hit ? { field: hit[0], rate } : null;
}

interface Column {
  field: Field;
  col: number;
  rate: boolean;
}

/**
 * Tables whose header is row `r`, with row r + 1 when the groups sit under a merged heading, and
 * the number of header rows.
 */
function headersAt(rows: Cell[][], r: number): { tables: Column[][]; height: number } {
  const cols: Column[] = [];
  const scan = (row: Cell[] | undefined) =>
    (row ?? []).forEach((cell, col) => {
      const f = fieldOf(cell);
      if (f && !cols.some((c) => c.col === col)) cols.push({ ...f, col });
    });
  scan(rows[r]);
  if (!cols.some((c) => c.field === 'name')) return { tables: [], height: 0 };
  const twoRows = cols.filter((c) => isGroup(c.field)).length < 2;
  if (twoRows) scan(rows[r + 1]);
  const names = cols.filter((c) => c.field === 'name').map((c) => c.col).sort((a, b) => a - b);
  // Tables side by side: each column belongs to the nearest name column on its left.
  const tables = names.map((n, k) => cols.filter((c) => c.col >= n - 1 && (k + 1 === names.length || c.col < names[k + 1]! - 1)));
  return { tables: tables.filter((t) => t.filter((c) => isGroup(c.field)).length >= 2), height: twoRows ? 2 : 1 };
}

function numberOf(cell: Cell): number | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  const t = cell.replace(/[\s%]/g, '').replace(',', '.');
  return t === '' ? null : Number(t);
}

const SECTION: Array<[RegExp, Level]> = [
  [/so ban nganh|so nganh/, 'so'],
  [/cap huyen/, 'huyen'],
  [/cap xa|xa phuong/, 'xa'],
  [/tinh thanh pho/, 'tinh'],
];
const SUMMARY = /^(trung binh( cong)?|diem binh quan( chung)?|binh quan( chung)?|tong cong|tong so|cap (xa|huyen|tinh)|tinh dak lak|toan tinh)$/;

function levelOfSheet(name: string): Level | null {
  const f = fold(name);
  if (/^so ban|^so nganh|^co quan/.test(f)) return 'so';
  if (/xa phuong|^cap xa$|^xa\b/.test(f)) return 'xa';
  if (/huyen/.test(f)) return 'huyen';
  if (/^tinh\b/.test(f)) return 'tinh';
  return null;
}

function levelOfName(name: string): Level | null {
  const f = fold(name);
  if (/^ubnd (xa|phuong|thi tran|dac khu)\b/.test(f)) return 'xa';
  if (/^ubnd (huyen|thi xa|thanh pho)\b/.test(f)) return 'huyen';
  if (/^ubnd tinh\b/.test(f)) return 'tinh';
  if (/^(so|ban|thanh tra tinh|van phong)\b/.test(f)) return 'so';
  return null;
}

function levelOfCode(cell: Cell): Level | null {
  const f = cell === null ? '' : fold(String(cell));
  return ({ '1': 'tinh', '2': 'so', '3': 'xa', '4': 'huyen' } as Record<string, Level>)[f] ?? SECTION.find(([re]) => re.test(f))?.[1] ?? levelOfSheet(f);
}

interface RawUnit {
  name: string;
  level: Level;
  values: Partial<Record<Group, number>>;
  rateGroups: Set<Group>;
  total: number | null;
  rank: number | null;
}

function unitsOfGrid(grid: Grid, forced: Level | undefined): RawUnit[] {
  const out: RawUnit[] = [];
  let tables: Column[][] = [];
  let section: Level | null = null;
  const rows = grid.rows;
  for (let r = 0; r < rows.length; r++) {
    const header = headersAt(rows, r);
    if (header.tables.length) {
      tables = header.tables;
      section = null;
      r += header.height - 1;
      continue;
    }
    const row = rows[r] ?? [];
    for (const table of tables) {
      const at = (f: Field) => table.find((c) => c.field === f);
      const groups = table.filter((c) => isGroup(c.field));
      const nums = groups.map((c) => numberOf(row[c.col] ?? null));
      const rawName = row[at('name')!.col];
      const name = typeof rawName === 'string' ? cleanName(rawName) : '';
      const text = fold(row.filter((c) => typeof c === 'string').join(' '));
      if (nums.every((n) => n === null)) {
        const sec = SECTION.find(([re]) => re.test(text));
        if (sec && !name.match(/^(UBND|Sở|Ban)/)) section = sec[1];
        if (!name || sec) continue;
      }
      if (!name || SUMMARY.test(fold(name))) continue;
      const totalCol = at('total');
      const rankCol = at('rank');
      const levelCol = at('level');
      const level = forced ?? (levelCol ? levelOfCode(row[levelCol.col] ?? null) : null) ?? section ?? levelOfSheet(grid.name) ?? levelOfName(name);
      if (!level) throw new Error(`recount: no level for "${name}" in sheet "${grid.name}"`);
      const values: Partial<Record<Group, number>> = {};
      const rateGroups = new Set<Group>();
      groups.forEach((c, i) => {
        if (nums[i] === null) return;
        values[c.field as Group] = nums[i]!;
        const cell = row[c.col];
        if (c.rate || (typeof cell === 'string' && cell.includes('%'))) rateGroups.add(c.field as Group);
      });
      out.push({ name, level, values, rateGroups, total: totalCol ? numberOf(row[totalCol.col] ?? null) : null, rank: rankCol ? numberOf(row[rankCol.col] ?? null) : null });
    }
  }
  // Rates written as fractions (a computed column pasted as values): every rate of the level ≤ 1.
  for (const level of new Set(out.map((u) => u.level))) {
    const rates = out.filter((u) => u.level === level).flatMap((u) => [...u.rateGroups].map((g) => u.values[g]!));
    if (rates.length && rates.every((v) => v <= 1)) {
      for (const u of out) if (u.level === level) for (const g of u.rateGroups) u.values[g] = u.values[g]! * 100;
    }
  }
  return out;
}

/** --sheet "NAME=LEVEL" requests: only these sheets, each at its level. */
export function parseSheets(args: string[]): Map<string, Level | undefined> | null {
  const req = new Map<string, Level | undefined>();
  args.forEach((a, i) => {
    if (a !== '--sheet') return;
    const [name, level] = args[i + 1]!.split('=');
    req.set(name!, level as Level | undefined);
  });
  return req.size ? req : null;
}

function ranksOf(scores: Array<number | null>): Array<number | null> {
  return scores.map((s) => (s === null ? null : 1 + scores.filter((o) => o !== null && o > s).length));
}

export function recount(buf: Buffer, file: string, args: string[] = []): Recount {
  const wanted = parseSheets(args);
  const raw = readGrids(buf, file)
    .filter((g) => !wanted || wanted.has(g.name))
    .flatMap((g) => unitsOfGrid(g, wanted?.get(g.name)));
  const byLevel = new Map<Level, RawUnit[]>();
  const seen = new Set<string>();
  for (const u of raw) {
    const key = `${u.level}:${nameKey(u.name)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byLevel.get(u.level) ?? [];
    list.push(u);
    byLevel.set(u.level, list);
  }
  const result: Recount = { levels: {}, units: [], province: null };
  for (const level of ['tinh', 'so', 'huyen', 'xa'] as const) {
    const list = byLevel.get(level);
    if (!list) continue;
    const totals = list.map((u) => {
      const groups = Object.entries(u.values) as Array<[Group, number]>;
      if (u.total !== null) return round2(u.total);
      if (!groups.length) return null;
      return round2(groups.reduce((s, [g, v]) => s + (u.rateGroups.has(g) ? (v * MAXIMA[g]) / 100 : v), 0));
    });
    const ranks = ranksOf(totals);
    const counts: Record<string, number> = { 'xuat-sac': 0, tot: 0, kha: 0, 'trung-binh': 0, yeu: 0, 'khong-du-lieu': 0 };
    list.forEach((u, i) => {
      const t = totals[i]!;
      const band = t === null ? null : BANDS.find(([, min]) => t >= min)![0];
      counts[band ?? 'khong-du-lieu']!++;
      result.units.push({ name: u.name, level, total: t, band, rank: ranks[i]! });
    });
    result.levels[level] = { units: list.length, counts };
    if (level === 'tinh') {
      const i = list.findIndex((u) => fold(u.name.replace(/^UBND tỉnh /i, '')) === fold(PROVINCE));
      const rated = totals.filter((t) => t !== null).length;
      if (i >= 0 && totals[i] !== null) result.province = { name: PROVINCE, score: totals[i]!, rank: rated === 1 ? list[i]!.rank : ranks[i]! };
    }
  }
  return result;
}
