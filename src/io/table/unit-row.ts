/**
 * One unit row of a table: its level, whether it is a unit at all (a province line or a summary row
 * under the units is not), its figures, and its place among the units of its level.
 */
import { formatExact } from '../../core/format-vi.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import { levelFromText } from '../../core/levels.js';
import { nameKey, unitKind } from '../../core/names.js';
import type { GroupKey, Level, SheetUnit } from '../../core/types.js';
import { cellText, columnLetter, isEmptyValue, type CellValue } from './grid.js';
import { checkDecoded, type Reading, type Table } from './reading.js';
import { readRank, readRowFigures, type RowFigures } from './score-cells.js';
import { rawFigures, RunningFigures } from './summary-rows.js';

/** The level of a unit row: --sheet, level column, section row, sheet name, unit name. */
function resolveLevel(r: Reading, t: Table, row: number, cells: CellValue[], name: string): Level | null | 'bad' {
  if (r.opts.level) return r.opts.level;
  const levelCol = t.header.columns.level;
  const code = levelCol ? cells[levelCol.col - 1] : null;
  if (levelCol && !isEmptyValue(code)) {
    const level = levelFromText(cellText(code), 'code');
    if (!level) {
      r.problem(
        row,
        levelCol.col,
        `giá trị cấp "${cellText(code)}" không rõ; cần 1 (tỉnh), 2 (sở, ban, ngành), 3 (xã, phường), 4 (huyện) hoặc tên cấp`,
      );
      return 'bad';
    }
    return level;
  }
  return t.sectionLevel ?? r.sheetLevel ?? levelFromText(name, 'unit');
}

/**
 * A row whose name is not a unit of the table's level: the province's own line under its communes
 * ("Tỉnh Đắk Lắk"), or a row with no unit prefix whose figures are the mean or sum of the units
 * above it. Returns the reason to skip it, or null for a unit.
 */
function notAUnit(r: Reading, t: Table, cells: CellValue[], name: string, level: Level): string | null {
  if (level === 'tinh') return null;
  const kind = unitKind(name);
  if (kind !== 'tinh' && kind !== 'other') return null;
  const isProvince = kind === 'tinh' || nameKey(name) === r.provinceKey;
  const figures = rawFigures(cells, t.groupCols, t.header.columns.total, t.rateCols);
  const summary = figures ? (t.running.get(level)?.summaryOf(figures) ?? null) : null;
  const what = LEVEL_WORDING[level].short;
  if (summary) {
    return `số liệu bằng ${summary === 'mean' ? 'trung bình' : 'tổng'} các đơn vị phía trên: dòng tổng hợp, không phải một ${what}`;
  }
  return isProvince ? `dòng của tỉnh trong bảng ${what}, không phải một ${what}` : null;
}

function readUnit(r: Reading, t: Table, row: number, cells: CellValue[]): RowFigures | null {
  const figures = readRowFigures(row, cells, t.groupCols, t.header.columns.total, t.rateCols, r.opts.config, (rw, c, m) =>
    r.problem(rw, c, m),
  );
  if (figures === null) return null;
  const { config } = r.opts;
  if (figures.present > 0 && figures.missing.length > 0) {
    const list = figures.missing
      .map((c) => `"${config.groups[c.field as GroupKey].label}" (cột ${columnLetter(c.col)})`)
      .join(', ');
    r.problem(
      row,
      figures.missing[0]!.col,
      `thiếu điểm nhóm ${list} trong khi các nhóm khác có điểm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu`,
    );
    return null;
  }
  if (figures.present === 0 && t.groupCols.length > 0 && figures.totalPresent) {
    r.problem(
      row,
      t.groupCols[0]!.col,
      'có tổng điểm nhưng thiếu điểm các nhóm; cần đủ điểm mọi nhóm, hoặc để trống cả dòng nếu đơn vị không có dữ liệu',
    );
    return null;
  }
  return figures;
}

function sameFigures(a: SheetUnit, b: SheetUnit): boolean {
  if (a.total !== b.total) return false;
  const ka = Object.keys(a.values) as GroupKey[];
  const kb = Object.keys(b.values) as GroupKey[];
  if (ka.length !== kb.length) return false;
  return ka.every((k) => {
    const x = a.values[k];
    const y = b.values[k];
    return x !== undefined && y !== undefined && x.value === y.value && x.kind === y.kind;
  });
}

/** Adds a unit once per level: an identical second row is a warning, a different one an error. */
function addUnit(r: Reading, t: Table, unit: SheetUnit): void {
  const key = `${unit.level}|${nameKey(unit.name)}`;
  const prev = r.keys.get(key);
  const row = unit.origin.row;
  if (prev) {
    if (sameFigures(prev, unit)) {
      r.warnings.push({
        message: `đơn vị "${unit.name}" có hai dòng cùng số liệu (dòng ${prev.origin.row} và ${row}); dùng dòng ${prev.origin.row}`,
        origin: unit.origin,
      });
    } else {
      r.problem(
        row,
        t.nameCol.col,
        `đơn vị "${unit.name}" trùng với dòng ${prev.origin.row} (cùng ${LEVEL_WORDING[unit.level].short}) nhưng số liệu khác; cần mỗi đơn vị một dòng`,
      );
    }
    return;
  }
  r.keys.set(key, unit);
  let list = r.byLevel.get(unit.level);
  if (!list) r.byLevel.set(unit.level, (list = []));
  list.push(unit);
  let running = t.running.get(unit.level);
  if (!running) t.running.set(unit.level, (running = new RunningFigures()));
  running.add(unit);
  const groups = r.groupsOf.get(unit.level) ?? new Set<GroupKey>();
  for (const c of t.groupCols) groups.add(c.field as GroupKey);
  r.groupsOf.set(unit.level, groups);
}

/** Rates written as fractions (0,975 for 97,5 %): when every plain rate of a table is ≤ 1. */
export function scaleFractionRates(r: Reading, t: Table): void {
  const rates = t.plainRates;
  if (rates.length === 0 || rates.some((x) => x.value.value > 1) || rates.every((x) => x.value.value === 0)) return;
  for (const x of rates) x.value.value = Math.round(x.value.value * 100 * 1e6) / 1e6;
  const cols = t.groupCols.filter((c) => t.rateCols.has(c.col)).map((c) => columnLetter(c.col));
  const example = rates.find((x) => x.value.value > 0)!;
  r.warnings.push({
    message:
      `mọi tỷ lệ ở cột ${cols.join(', ')} đều không quá 1 (ví dụ ${formatExact(example.value.value / 100)}): ` +
      `đã hiểu là phân số và nhân 100 (${formatExact(example.value.value)}%); nếu không đúng, hãy sửa tệp để ghi tỷ lệ từ 0 đến 100`,
    origin: { ...example.origin },
  });
}

export function readUnitRow(r: Reading, t: Table, row: number, cells: CellValue[], name: string): void {
  if (!checkDecoded(r, row, t.nameCol.col, name, 'tên đơn vị')) return;
  t.seenUnit = true;
  const level = resolveLevel(r, t, row, cells, name);
  if (level === 'bad') return;
  if (level) {
    const reason = notAUnit(r, t, cells, name, level);
    if (reason) {
      r.skipRow(row, name, reason);
      r.warnings.push({ message: `bỏ qua dòng "${name}": ${reason}`, origin: r.origin(row, t.nameCol.col) });
      return;
    }
  }
  const figures = readUnit(r, t, row, cells);
  if (figures === null) return;
  if (!level) {
    r.unresolved.push({ row, col: t.nameCol.col, name });
    return;
  }
  const cols = t.header.columns;
  const unit: SheetUnit = { name, level, values: figures.values, origin: r.origin(row, t.nameCol.col) };
  const code = cellText(cols.code ? cells[cols.code.col - 1] : null).trim();
  if (code !== '') unit.code = code;
  if (figures.total !== undefined) unit.total = figures.total;
  const rankCell = cols.rank ? (cells[cols.rank.col - 1] ?? null) : null;
  const rank = readRank(rankCell);
  if (rank !== undefined) unit.publishedRank = rank;
  else if (cols.rank && !isEmptyValue(rankCell)) {
    r.warnings.push({
      message: `thứ hạng "${cellText(rankCell)}" không phải số nguyên dương; bỏ qua`,
      origin: r.origin(row, cols.rank.col),
    });
  }
  const before = r.keys.size;
  addUnit(r, t, unit);
  if (r.keys.size > before) {
    for (const v of figures.plainRates) t.plainRates.push({ value: v.value, origin: r.origin(row, v.col) });
  }
}
