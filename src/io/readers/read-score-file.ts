/**
 * Read one score file (xlsx, HTML table, CSV) into ScoreSheets: format by content, size guard,
 * one Grid per sheet, then the shared interpreter (src/io/table).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Config } from '../../config/schema.js';
import { CellErrors, DataError, UsageError, type CellProblem } from '../../core/errors.js';
import { LEVEL_WORDING } from '../../core/labels.js';
import { levelFromText } from '../../core/levels.js';
import { isTrendSheet, TREND_SHEET_REASON } from '../../core/sheet-choice.js';
import { foldVietnamese } from '../../core/names.js';
import type { Level, ScoreSheet, SkippedRow, SkippedSheet, Warning } from '../../core/types.js';
import type { Grid } from '../table/grid.js';
import { interpretGrid, type InterpretResult } from '../table/interpret.js';
import { gridTitleDate } from '../table/title-date.js';
import { csvToGrid } from './csv.js';
import { detectFormat } from './detect.js';
import { decideFileDate, type FileDate, type SheetTitleDate } from './file-date.js';
import { parseHtmlTables } from './html-table.js';
import { readXlsx } from './xlsx.js';

/** One `--sheet NAME[=LEVEL]` request. */
export interface SheetRequest {
  name: string;
  level?: Level;
}

/**
 * The `--sheet` requests: each named sheet is read (with the level given); a sheet not named is
 * read only for the levels no named sheet holds.
 */
export type SheetSelection = SheetRequest[];

export interface FileRead {
  file: string;
  sheets: ScoreSheet[];
  skippedSheets: SkippedSheet[];
  skippedRows: SkippedRow[];
  warnings: Warning[];
  /** The file's date by its title rows, else its name (file-date.ts). */
  date: FileDate;
}

export interface ReadOptions {
  config: Config;
  sheets?: SheetSelection | undefined;
  /** The file's bytes, already read (the history's cache keys them): the file is not read again. */
  bytes?: Buffer | undefined;
}

/** Parse `NAME` or `NAME=LEVEL` (LEVEL: tinh, so, huyen, xa, or a level text such as "Cấp xã"). */
export function parseSheetRequest(text: string): SheetRequest {
  const eq = text.lastIndexOf('=');
  if (eq < 0) return { name: text.trim() };
  const name = text.slice(0, eq).trim();
  const levelText = text.slice(eq + 1).trim();
  const level = levelFromText(levelText, 'code');
  if (!name || !level) {
    throw new UsageError(`--sheet "${text}": cần TÊN hoặc TÊN=CẤP, với CẤP là tinh, so, huyen hoặc xa`);
  }
  return { name, level };
}

/** Does a request name this sheet? Exact, else ignoring case, diacritics and punctuation. */
export function requestMatches(req: SheetRequest, sheetName: string): boolean {
  return req.name === sheetName || foldVietnamese(req.name) === foldVietnamese(sheetName);
}

async function loadGrids(path: string, config: Config, bytes?: Buffer): Promise<Grid[]> {
  let size: number;
  if (bytes) size = bytes.length;
  else {
    try {
      const st = await stat(path);
      if (st.isDirectory()) throw new DataError(`${path}: là thư mục, không phải tệp bảng điểm`);
      size = st.size;
    } catch (err) {
      if (err instanceof DataError) throw err;
      throw new DataError(`${path}: không tìm thấy hoặc không mở được tệp`);
    }
  }
  if (size > config.input.maxInflatedBytes) {
    throw new DataError(
      `${path}: tệp lớn ${size} byte, vượt giới hạn input.maxInflatedBytes = ${config.input.maxInflatedBytes}; ` +
        'từ chối đọc. Nếu cần, tăng input.maxInflatedBytes trong tệp cấu hình.',
    );
  }
  const buf = bytes ?? (await readFile(path));
  const detected = detectFormat(buf, path);
  const base = basename(path, extname(path));
  if (detected.format === 'xlsx') return readXlsx(buf, path, config);
  const text = detected.text ?? '';
  const grids = detected.format === 'html' ? parseHtmlTables(text, base) : [csvToGrid(text, base, path)];
  if (grids.length === 0) throw new DataError(`${path}: là trang HTML nhưng không có bảng nào`);
  for (const g of grids) {
    if (g.rows.length > config.input.maxRows) {
      throw new DataError(
        `${path}: bảng "${g.name}" có ${g.rows.length} dòng, vượt giới hạn input.maxRows = ${config.input.maxRows}; ` +
          'từ chối đọc. Nếu cần, tăng input.maxRows trong tệp cấu hình.',
      );
    }
  }
  return grids;
}

/** One sheet of a file, interpreted; `request` is the `--sheet` that named it, if any. */
interface SheetRead {
  name: string;
  request: SheetRequest | null;
  /** Null when the sheet was passed over before reading (a trend sheet). */
  result: InterpretResult | null;
}

/** A file's sheets, interpreted but not yet settled: cell problems are not thrown yet. */
export interface FileSheets {
  file: string;
  config: Config;
  selection: SheetSelection;
  reads: SheetRead[];
  /** The file's date as a data-folder scan gives it (peekFileDate's rule, every sheet's title). */
  scanDate: FileDate;
}

/** Reads every sheet of a file: the ones `--sheet` names with their level, the others as found. */
export async function interpretFile(path: string, opts: ReadOptions): Promise<FileSheets> {
  const { config } = opts;
  const selection = opts.sheets ?? [];
  const reads: SheetRead[] = [];
  const grids = await loadGrids(path, config, opts.bytes);
  for (const grid of grids) {
    const request = selection.find((r) => requestMatches(r, grid.name)) ?? null;
    if (!request && isTrendSheet(grid.name)) {
      reads.push({ name: grid.name, request, result: null });
      continue;
    }
    const result = interpretGrid(grid, { file: path, config, ...(request?.level ? { level: request.level } : {}) });
    if (request && result.skipped) throw new DataError(`${path}, sheet "${grid.name}" (chọn bằng --sheet): ${result.skipped}`);
    reads.push({ name: grid.name, request, result });
  }
  return { file: path, config, selection, reads, scanDate: gridsDate(path, grids) };
}

/** The levels held by sheets named with `--sheet`, each with the sheet holding it. */
export function chosenLevels(files: FileSheets[]): Map<Level, string> {
  const chosen = new Map<Level, string>();
  for (const f of files) {
    for (const r of f.reads) {
      if (!r.request || !r.result) continue;
      for (const s of r.result.sheets) if (!chosen.has(s.level)) chosen.set(s.level, r.name);
    }
  }
  return chosen;
}

/**
 * The sheets a file gives: with `--sheet`, a sheet not named is read only for the levels no named
 * sheet holds, and passed over when it gives none of them. Throws CellErrors for the cell
 * problems of the sheets kept.
 */
export function settleFile(f: FileSheets, chosen: Map<Level, string>): FileRead {
  const { file: path, config } = f;
  const sheets: ScoreSheet[] = [];
  const skippedSheets: SkippedSheet[] = [];
  const skippedRows: SkippedRow[] = [];
  const warnings: Warning[] = [];
  const problems: CellProblem[] = [];
  const titleDates: SheetTitleDate[] = [];
  const skip = (sheet: string, reason: string) => skippedSheets.push({ file: path, sheet, reason });

  for (const { name, request, result: r } of f.reads) {
    if (!r) {
      skip(name, TREND_SHEET_REASON);
      continue;
    }
    if (r.skipped) {
      skip(name, r.skipped);
      continue;
    }
    let kept = r.sheets;
    if (!request && f.selection.length > 0) {
      kept = r.sheets.filter((s) => !chosen.has(s.level));
      for (const s of r.sheets.filter((x) => !kept.includes(x))) {
        skip(name, `bảng ${LEVEL_WORDING[s.level].short}: đã chọn sheet "${chosen.get(s.level)}" bằng --sheet`);
      }
      if (kept.length === 0) {
        if (r.sheets.length === 0) skip(name, 'không được chọn bằng --sheet');
        continue;
      }
    }
    sheets.push(...kept);
    skippedRows.push(...r.skippedRows);
    problems.push(...r.problems);
    warnings.push(...r.warnings);
    titleDates.push({ sheet: name, title: r.titleDate });
  }

  if (problems.length > 0) {
    const max = config.input.maxErrors;
    throw new CellErrors(path, problems.slice(0, max), Math.max(0, problems.length - max));
  }

  return { file: path, sheets, skippedSheets, skippedRows, warnings, date: decideFileDate(path, titleDates) };
}

/** Read a file; `strict` makes an unmatched `--sheet` request an error (single-file use). */
export async function readFileSheets(path: string, opts: ReadOptions, strict: boolean): Promise<FileRead> {
  const f = await interpretFile(path, opts);
  if (strict) {
    for (const req of f.selection) {
      if (!f.reads.some((r) => requestMatches(req, r.name))) {
        throw new UsageError(
          `--sheet "${req.name}": không có sheet này trong ${path}; các sheet có: ${f.reads.map((r) => `"${r.name}"`).join(', ')}`,
        );
      }
    }
  }
  return settleFile(f, chosenLevels([f]));
}

/**
 * Read one score file. With `sheets`, only the named sheets are read (each with its level when
 * given) and a name that matches no sheet is a UsageError. Throws DataError for an unreadable file,
 * CellErrors with every cell problem of the file (up to config.input.maxErrors listed).
 */
export function readScoreFile(path: string, opts: ReadOptions): Promise<FileRead> {
  return readFileSheets(path, opts, true);
}

/**
 * The date of a file for choosing files in a data folder, by the same rule as reading it (its title
 * rows, else its name); the file is read, values not checked. Errors reading it propagate.
 */
export async function peekFileDate(path: string, config: Config): Promise<FileDate> {
  return gridsDate(path, await loadGrids(path, config));
}

/** The date of a file by its sheets' titles, else its name: the rule of peekFileDate. */
function gridsDate(path: string, grids: Grid[]): FileDate {
  return decideFileDate(
    path,
    grids.map((g) => ({ sheet: g.name, title: gridTitleDate(g) })),
  );
}
