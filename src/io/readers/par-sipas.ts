/**
 * The PAR Index and SIPAS figures of the province (seed 004), from a small YAML, JSON or .xlsx
 * file, validated with zod; every error names the file and the key (or, in a workbook, the cell).
 *
 * YAML / JSON:
 *
 *   years:
 *     2021:
 *       announced: 2022-05-25     # ngày công bố kết quả
 *       provinces: 63             # số tỉnh, thành phố được xếp hạng
 *       par: { score: 86.52, rank: 36 }
 *       sipas: { percent: 83.65, rank: 59 }
 *     2020:
 *       par: { score: 83.22, rank: 45 }
 *       sipas: { percent: 77.42, rank: 62 }
 *
 * .xlsx: one row per year under a header row with the columns "Năm", "Ngày công bố", "Số tỉnh,
 * thành phố", "Điểm PAR Index", "Xếp hạng PAR Index", "Chỉ số SIPAS (%)", "Xếp hạng SIPAS"
 * (matched ignoring case, diacritics and punctuation; any order).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { Config } from '../../config/schema.js';
import type { ParSipasData, ParSipasYear } from '../../core/documents/letter-par-sipas.js';
import { DataError } from '../../core/errors.js';
import type { SkippedSheet } from '../../core/types.js';
import { foldVietnamese, nameKey } from '../../core/names.js';
import { isoDate } from '../table/dates.js';
import { cellText, columnLetter, isEmptyValue, type CellValue, type Grid } from '../table/grid.js';
import { parseScore } from '../table/values.js';
import { readXlsx } from './xlsx.js';

/** A figures file is a few hundred bytes; refuse anything that is clearly something else. */
const MAX_TEXT_BYTES = 1024 * 1024;

function toNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const p = parseScore(v.trim());
  return p.ok ? p.value : v;
}

const num = (min: number, max: number) =>
  z.preprocess(toNumber, z.number().min(min, `phải từ ${min} trở lên`).max(max, `tối đa là ${max}`));
const rank = z.preprocess(toNumber, z.number().int('phải là số nguyên').min(1, 'phải từ 1 trở lên'));

/** "2022-05-25", "25/5/2022", "25/05/2022" → ISO. */
function toIsoDate(v: unknown): unknown {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? v : v.toISOString().slice(0, 10);
  if (typeof v !== 'string') return v;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? s;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? s;
  return s;
}

const date = z.preprocess(
  toIsoDate,
  z.string().refine((s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
  }, 'cần một ngày có thật, dạng YYYY-MM-DD hoặc D/M/YYYY'),
);

const yearSchema = z
  .strictObject({
    announced: date.optional(),
    provinces: z.preprocess(toNumber, z.number().int('phải là số nguyên').min(1, 'phải từ 1 trở lên').max(1000)).optional(),
    par: z.strictObject({ score: num(0, 100), rank }),
    sipas: z.strictObject({ percent: num(0, 100), rank }),
  })
  .superRefine((y, ctx) => {
    if (y.provinces === undefined) return;
    for (const key of ['par', 'sipas'] as const) {
      if (y[key].rank > y.provinces) {
        ctx.addIssue({
          code: 'custom',
          path: [key, 'rank'],
          message: `xếp hạng ${y[key].rank} lớn hơn số tỉnh, thành phố (${y.provinces})`,
        });
      }
    }
  });

const fileSchema = z.strictObject({
  /** Optional, for the reader of the file: must be the configured province. */
  province: z.string().min(1).optional(),
  years: z.record(z.string().regex(/^\d{4}$/, 'năm phải có 4 chữ số'), yearSchema),
});

const EXPECTED: Record<string, string> = {
  number: 'một số',
  string: 'một chuỗi',
  object: 'một bảng khóa: giá trị',
  record: 'một bảng khóa: giá trị',
};

const VI = z.locales.vi();

/** Vietnamese messages; a missing key says so. */
function errorMap(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === 'invalid_type' && iss.input === undefined) {
    return `thiếu giá trị (cần ${EXPECTED[iss.expected] ?? iss.expected})`;
  }
  if (iss.code === 'invalid_type') {
    return `cần ${EXPECTED[iss.expected] ?? iss.expected}, nhận được "${String(iss.input)}"`;
  }
  if (iss.code === 'unrecognized_keys') {
    return `khóa không rõ: ${iss.keys.join(', ')} (các khóa: province, years, announced, provinces, par.score, par.rank, sipas.percent, sipas.rank)`;
  }
  const r = VI.localeError(iss);
  return typeof r === 'string' ? r : r?.message;
}

export interface ParSipasRead {
  data: ParSipasData;
  /** The year of the letter: the one asked for, else the latest in the file. */
  year: number;
  /** Sheets of an .xlsx other than the one read, each with why. */
  skippedSheets: SkippedSheet[];
}

/** Where each key of the raw object was read: "sheet "PAR-SIPAS", ô E3 (Xếp hạng PAR Index)". */
type Locator = (path: string) => string;

/**
 * Reads and validates the figures, then checks that `year` (default: the latest) has its
 * announcement date and number of provinces. Throws DataError naming the file and key.
 */
export async function readParSipas(
  file: string,
  opts: { config: Config; year?: number | undefined; sheet?: string | undefined },
): Promise<ParSipasRead> {
  const name = basename(file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new DataError(`Không tìm thấy tệp số liệu PAR Index, SIPAS: ${file}`);
  }
  const ext = extname(file).toLowerCase();
  let raw: unknown;
  let locate: Locator = (path) => `khóa ${path}`;
  let skippedSheets: SkippedSheet[] = [];
  if (ext === '.xlsx') {
    const grids = await readXlsx(readFileSync(file), file, opts.config);
    const table = gridToRaw(grids, file, opts.sheet);
    raw = table.raw;
    locate = table.locate;
    skippedSheets = table.skipped;
  } else if (ext === '.yaml' || ext === '.yml' || ext === '.json') {
    if (size > MAX_TEXT_BYTES) throw new DataError(`${file}: tệp quá lớn cho một bảng số liệu PAR Index, SIPAS (${size} byte).`);
    const text = readFileSync(file, 'utf8');
    try {
      raw = ext === '.json' ? JSON.parse(text) : YAML.parse(text, { prettyErrors: true });
    } catch (e) {
      throw new DataError(`${file}: không đọc được ${ext === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`);
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new DataError(`${file}: cần một bảng khóa: giá trị có khóa "years" (xem fixtures/par-sipas/par-sipas-2021.yaml).`);
    }
  } else {
    throw new DataError(`${file}: số liệu PAR Index, SIPAS phải là tệp .yaml, .yml, .json hoặc .xlsx.`);
  }

  const r = fileSchema.safeParse(raw, { error: errorMap });
  if (!r.success) {
    const lines = r.error.issues.slice(0, 20).map((i) => `  - ${locate(i.path.map(String).join('.') || '(gốc)')}: ${i.message}`);
    throw new DataError(`${file}: số liệu PAR Index, SIPAS không hợp lệ:\n${lines.join('\n')}`);
  }
  const { province } = r.data;
  if (province !== undefined && nameKey(province) !== nameKey(opts.config.province.name)) {
    throw new DataError(
      `${file}: ${locate('province')}: số liệu của tỉnh ${province}, không phải tỉnh ${opts.config.province.name} của cấu hình.`,
    );
  }
  const years: Record<number, ParSipasYear> = {};
  for (const [y, v] of Object.entries(r.data.years)) years[Number(y)] = stripUndefined(v);
  const known = Object.keys(years).map(Number).sort((a, b) => a - b);
  if (known.length === 0) throw new DataError(`${file}: ${locate('years')}: không có năm nào.`);
  const year = opts.year ?? known[known.length - 1]!;
  const cur = years[year];
  if (!cur) throw new DataError(`${file}: không có số liệu năm ${year} (có: ${known.join(', ')}).`);
  const missing: string[] = [];
  if (!cur.announced) missing.push(`  - ${locate(`years.${year}.announced`)}: thiếu ngày công bố kết quả năm ${year}`);
  if (cur.provinces === undefined) missing.push(`  - ${locate(`years.${year}.provinces`)}: thiếu số tỉnh, thành phố được xếp hạng`);
  if (missing.length) throw new DataError(`${file}: số liệu PAR Index, SIPAS năm ${year} chưa đủ:\n${missing.join('\n')}`);
  return { data: { file: name, years }, year, skippedSheets };
}

function stripUndefined(v: z.infer<typeof yearSchema>): ParSipasYear {
  return {
    ...(v.announced !== undefined ? { announced: v.announced } : {}),
    ...(v.provinces !== undefined ? { provinces: v.provinces } : {}),
    par: v.par,
    sipas: v.sipas,
  };
}

// ------------------------------------------------------------------ .xlsx

type Key = 'year' | 'announced' | 'provinces' | 'par.score' | 'par.rank' | 'sipas.percent' | 'sipas.rank';

const COLUMN_LABELS: Record<Key, string> = {
  year: 'Năm',
  announced: 'Ngày công bố',
  provinces: 'Số tỉnh, thành phố',
  'par.score': 'Điểm PAR Index',
  'par.rank': 'Xếp hạng PAR Index',
  'sipas.percent': 'Chỉ số SIPAS (%)',
  'sipas.rank': 'Xếp hạng SIPAS',
};

/** The key of a header label, ignoring case, diacritics and punctuation. */
function keyOfLabel(label: string): Key | null {
  const f = ` ${foldVietnamese(label)} `;
  const rankish = / (xep hang|hang|vi thu|thu hang) /.test(f);
  if (f.includes(' par ')) return rankish ? 'par.rank' : 'par.score';
  if (f.includes(' sipas ')) return rankish ? 'sipas.rank' : 'sipas.percent';
  if (/ cong bo /.test(f)) return 'announced';
  if (/ so tinh /.test(f)) return 'provinces';
  if (/^ nam( \d+)? $/.test(f)) return 'year';
  return null;
}

function gridToRaw(grids: Grid[], file: string, sheet: string | undefined): { raw: unknown; locate: Locator; skipped: SkippedSheet[] } {
  const candidates = sheet ? grids.filter((g) => g.name === sheet) : grids;
  if (sheet && candidates.length === 0) {
    throw new DataError(`${file}: không có sheet "${sheet}" (có: ${grids.map((g) => `"${g.name}"`).join(', ')}).`);
  }
  const noHeader: SkippedSheet[] = [];
  for (const grid of candidates) {
    const headerIndex = grid.rows.slice(0, 10).findIndex((r) => r.cells.some((c) => !isEmptyValue(c) && keyOfLabel(cellText(c)) === 'year'));
    if (headerIndex < 0) {
      noHeader.push({ file, sheet: grid.name, reason: `không có dòng tiêu đề có cột "${COLUMN_LABELS.year}" trong 10 dòng đầu` });
      continue;
    }
    const header = grid.rows[headerIndex]!;
    const columns = new Map<Key, number>();
    header.cells.forEach((c, i) => {
      const k = isEmptyValue(c) ? null : keyOfLabel(cellText(c));
      if (k && !columns.has(k)) columns.set(k, i);
    });
    const missing = (Object.keys(COLUMN_LABELS) as Key[]).filter((k) => !columns.has(k));
    if (missing.length) {
      throw new DataError(
        `${file}: sheet "${grid.name}" thiếu cột ${missing.map((k) => `"${COLUMN_LABELS[k]}" (khóa ${k})`).join(', ')}.`,
      );
    }
    const where = new Map<string, string>();
    const cell = (row: number, col: number, key: Key) =>
      `sheet "${grid.name}", ô ${columnLetter(col + 1)}${row} (${COLUMN_LABELS[key]})`;
    const years: Record<string, unknown> = {};
    for (const r of grid.rows.slice(headerIndex + 1)) {
      const get = (k: Key): CellValue | undefined => r.cells[columns.get(k)!];
      const y = get('year');
      if (isEmptyValue(y)) continue;
      const yearText = cellText(y).trim();
      const base = `years.${yearText}`;
      const value = (k: Key) => {
        const v = get(k);
        where.set(`${base}.${k}`, cell(r.row, columns.get(k)!, k));
        return isEmptyValue(v) ? undefined : v;
      };
      where.set(base, cell(r.row, columns.get('year')!, 'year'));
      if (yearText in years) throw new DataError(`${file}: ${cell(r.row, columns.get('year')!, 'year')}: năm ${yearText} có hai dòng.`);
      years[yearText] = {
        announced: value('announced'),
        provinces: value('provinces'),
        par: { score: value('par.score'), rank: value('par.rank') },
        sipas: { percent: value('sipas.percent'), rank: value('sipas.rank') },
      };
    }
    const others = grids
      .filter((g) => g !== grid && !noHeader.some((k) => k.sheet === g.name))
      .map((g) => ({
        file,
        sheet: g.name,
        reason: sheet ? 'không được chọn bằng --sheet' : `không đọc: số liệu lấy từ sheet "${grid.name}"`,
      }));
    return {
      raw: { years },
      locate: (path) => where.get(path) ?? `sheet "${grid.name}", khóa ${path}`,
      skipped: [...noHeader, ...others],
    };
  }
  throw new DataError(
    `${file}: không thấy bảng số liệu PAR Index, SIPAS (cần dòng tiêu đề có các cột ${Object.values(COLUMN_LABELS)
      .map((l) => `"${l}"`)
      .join(', ')}).`,
  );
}
