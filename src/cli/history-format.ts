/**
 * How `dakindex history` prints: a Vietnamese text table (one row per date, newest last), CSV
 * for Excel, or JSON. CSV (README, "Lịch sử và đơn vị điểm thấp liên tục"): UTF-8 with a byte
 * order mark, so that Excel reads the diacritics as UTF-8 and not as the Windows code page;
 * fields separated by ";" and decimals with a comma, as Excel expects them on a computer set to
 * Vietnamese (its list separator is ";" where the decimal mark is ","); dates ISO (YYYY-MM-DD),
 * which Excel reads as dates whatever the regional settings; rank and count in two columns
 * ("16" and "34", not "16/34", which Excel could take for a date); lines end with CRLF.
 */
import type { Band } from '../core/bands.js';
import { capitalize, formatCount, formatMax, formatShortDate, formatTableScore } from '../core/format-vi.js';
import type { HistoryRow, Streak, UnitSeries } from '../core/history.js';
import { LEVEL_WORDING } from '../core/labels.js';
import { NO_DATA, type BandKey, type CountKey, type Level } from '../core/types.js';

/** "XS" for "Xuất sắc", "TB" for "Trung bình": the initials of a band's words, for narrow columns. */
export function bandAbbreviations(bands: readonly Band[]): Record<BandKey, string> {
  const initials = bands.map((b) =>
    b.label
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w.charAt(0).toLocaleUpperCase('vi'))
      .join(''),
  );
  // Two bands with the same initials (a configuration's own labels): the labels themselves.
  const unique = new Set(initials).size === initials.length && !initials.includes(NO_DATA_ABBREVIATION);
  return Object.fromEntries(bands.map((b, i) => [b.key, unique ? initials[i]! : b.label])) as Record<BandKey, string>;
}

const NO_DATA_ABBREVIATION = 'KDL';

/** A rank as "16/34", "16" without the number ranked, "-" without a rank. */
export function rankText(rank: number | null, of: number | null): string {
  return rank === null ? '-' : of === null ? String(rank) : `${rank}/${of}`;
}

/**
 * Lines of columns two spaces apart; `left` lists the columns aligned left (text), the others are
 * aligned right (figures).
 */
function table(rows: string[][], left: readonly number[] = [0]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) =>
    r
      .map((c, i) => {
        const pad = ' '.repeat(widths[i]! - [...c].length);
        return left.includes(i) ? c + pad : pad + c;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** The count columns of a level: the bands, and "không có dữ liệu" when some date has such units. */
function countColumns(rows: readonly HistoryRow[], level: Level, bands: readonly Band[]): CountKey[] {
  const keys: CountKey[] = bands.map((b) => b.key);
  return rows.some((r) => (r.levels[level]?.counts[NO_DATA] ?? 0) > 0) ? [...keys, NO_DATA] : keys;
}

/** The levels any row has, in LEVELS order. */
function levelsOf(rows: readonly HistoryRow[]): Level[] {
  const seen = new Set(rows.flatMap((r) => Object.keys(r.levels) as Level[]));
  return (['tinh', 'so', 'huyen', 'xa'] as const).filter((l) => seen.has(l));
}

/**
 * The history as a text table: date, the province's score and rank, the band counts of each level
 * under the level's name, then a legend.
 */
export function historyTable(rows: readonly HistoryRow[], bands: readonly Band[], provinceName: string): string[] {
  const abbr: Record<CountKey, string> = { ...bandAbbreviations(bands), [NO_DATA]: NO_DATA_ABBREVIATION };
  const columns = levelsOf(rows).map((level) => ({ level, keys: countColumns(rows, level, bands) }));
  const head = ['Ngày', `Điểm tỉnh ${provinceName}`, 'Xếp hạng', ...columns.flatMap((c) => c.keys.map((k) => abbr[k]))];
  const body = rows.map((r) => [
    formatShortDate(r.date),
    r.province ? formatTableScore(r.province.score) : '-',
    r.province ? rankText(r.province.rank, r.province.of) : '-',
    ...columns.flatMap((c) => c.keys.map((k) => (r.levels[c.level] ? String(r.levels[c.level]!.counts[k]) : '-'))),
  ]);
  const lines = table([head, ...body]);
  // Each level's name above its first count column.
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => [...r[i]!].length)));
  let over = '';
  let column = 3;
  for (const c of columns) {
    const start = widths.slice(0, column).reduce((a, w) => a + w + 2, 0);
    over = `${over.padEnd(over.length ? Math.max(start, over.length + 2) : start)}${capitalize(LEVEL_WORDING[c.level].short)}`;
    column += c.keys.length;
  }
  const noData = columns.some((c) => c.keys.includes(NO_DATA)) ? [`${NO_DATA_ABBREVIATION}: không có dữ liệu`] : [];
  const legend = [...bands.map((b) => `${abbr[b.key]}: ${b.label}`), ...noData].join(', ');
  return [...(columns.length ? [over] : []), ...lines, '', `Số đơn vị theo xếp loại (${legend}); "-": không có bảng điểm của cấp đó.`];
}

/** A unit's series as text lines. */
export function unitTable(series: UnitSeries, bands: readonly Band[]): string[] {
  const label = new Map(bands.map((b) => [b.key, b.label]));
  const rows = [
    ['Ngày', 'Điểm', 'Xếp loại', 'Xếp hạng'],
    ...series.points.map((p) => [
      formatShortDate(p.date),
      p.score === null ? '-' : formatTableScore(p.score),
      p.band ? label.get(p.band)! : 'Không có dữ liệu',
      rankText(p.rank, p.of),
    ]),
  ];
  return table(rows, [0, 2]);
}

/** What a streak asks, in words: "nằm trong nhóm 07 đơn vị có điểm thấp nhất", "có điểm dưới 90". */
export function streakCriterion(streak: Pick<Streak, 'choice'>, noun: string): string {
  return 'bottom' in streak.choice
    ? `nằm trong nhóm ${formatCount(streak.choice.bottom)} ${noun} có điểm thấp nhất`
    : `có điểm dưới ${formatMax(streak.choice.below)}`;
}

/** The units of a streak as text lines: each one's score and rank at each date. */
export function streakTable(streak: Streak): string[] {
  const rows = [
    ['STT', 'Đơn vị', ...streak.dates.map(formatShortDate)],
    ...streak.units.map((u, i) => [String(i + 1), u.name, ...u.points.map((p) => `${formatTableScore(p.score)} (${p.rank}/${p.of})`)]),
  ];
  return table(rows, [1]);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A CSV field: quoted when it holds the separator, a quote or a line break. */
function field(v: string): string {
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV text of rows: byte order mark, ";" separators, CRLF line ends. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(field).join(';')).join('\r\n')}\r\n`;
}

/** A score in a CSV cell: two decimals with a comma ("88,72"), empty without one. */
const csvScore = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatTableScore(n));
const csvInt = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function historyCsv(rows: readonly HistoryRow[], bands: readonly Band[]): string {
  const levels = levelsOf(rows);
  const labels: Record<CountKey, string> = { ...(Object.fromEntries(bands.map((b) => [b.key, b.label])) as Record<BandKey, string>), [NO_DATA]: 'Không có dữ liệu' };
  const keys: CountKey[] = [...bands.map((b) => b.key), NO_DATA];
  const head = ['Ngày', 'Điểm tỉnh', 'Xếp hạng', 'Số tỉnh, thành phố'];
  for (const l of levels) for (const k of keys) head.push(`${capitalize(LEVEL_WORDING[l].short)}: ${labels[k]}`);
  head.push('Tệp');
  const body = rows.map((r) => {
    const line = [r.date, csvScore(r.province?.score), csvInt(r.province?.rank), csvInt(r.province?.of)];
    for (const l of levels) for (const k of keys) line.push(csvInt(r.levels[l]?.counts[k]));
    line.push(r.path);
    return line;
  });
  return csvText([head, ...body]);
}

export function unitCsv(series: UnitSeries, bands: readonly Band[]): string {
  const label = new Map(bands.map((b) => [b.key, b.label]));
  return csvText([
    ['Ngày', 'Đơn vị', 'Cấp', 'Điểm', 'Xếp loại', 'Xếp hạng', 'Số đơn vị có điểm'],
    ...series.points.map((p) => [
      p.date,
      series.name,
      LEVEL_WORDING[series.level].short,
      csvScore(p.score),
      p.band ? label.get(p.band)! : 'Không có dữ liệu',
      csvInt(p.rank),
      String(p.of),
    ]),
  ]);
}

/** One row per unit and date of the streak. */
export function streakCsv(streak: Streak): string {
  return csvText([
    ['Đơn vị', 'Ngày', 'Điểm', 'Xếp hạng', 'Số đơn vị có điểm'],
    ...streak.units.flatMap((u) => u.points.map((p) => [u.name, p.date, csvScore(p.score), String(p.rank), String(p.of)])),
  ]);
}
