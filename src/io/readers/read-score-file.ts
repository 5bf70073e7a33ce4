/**
 * Read one score file (xlsx, HTML table, CSV) into ScoreSheets: format by content, size guard,
 * one Grid per sheet, then the shared interpreter (src/io/table).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Config } from '../../config/schema.js';
import { CellErrors, DataError, UsageError, type CellProblem } from '../../core/errors.js';
import { levelFromText } from '../../core/levels.js';
import { foldVietnamese } from '../../core/names.js';
import type { Level, ScoreSheet, SkippedSheet, Warning } from '../../core/types.js';
import type { Grid } from '../table/grid.js';
import { interpretGrid } from '../table/interpret.js';
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

/** The `--sheet` requests; when non-empty, only these sheets are read. */
export type SheetSelection = SheetRequest[];

export interface FileRead {
  file: string;
  sheets: ScoreSheet[];
  skippedSheets: SkippedSheet[];
  warnings: Warning[];
  /** The file's date by its title rows, else its name (file-date.ts). */
  date: FileDate;
}

export interface ReadOptions {
  config: Config;
  sheets?: SheetSelection | undefined;
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

async function loadGrids(path: string, config: Config): Promise<Grid[]> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new DataError(`${path}: là thư mục, không phải tệp bảng điểm`);
    size = st.size;
  } catch (err) {
    if (err instanceof DataError) throw err;
    throw new DataError(`${path}: không tìm thấy hoặc không mở được tệp`);
  }
  if (size > config.input.maxInflatedBytes) {
    throw new DataError(
      `${path}: tệp lớn ${size} byte, vượt giới hạn input.maxInflatedBytes = ${config.input.maxInflatedBytes}; ` +
        'từ chối đọc. Nếu cần, tăng input.maxInflatedBytes trong tệp cấu hình.',
    );
  }
  const buf = await readFile(path);
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

/** Read a file; `strict` makes an unmatched `--sheet` request an error (single-file use). */
export async function readFileSheets(path: string, opts: ReadOptions, strict: boolean): Promise<FileRead> {
  const { config } = opts;
  const selection = opts.sheets ?? [];
  const grids = await loadGrids(path, config);
  const sheets: ScoreSheet[] = [];
  const skippedSheets: SkippedSheet[] = [];
  const warnings: Warning[] = [];
  const problems: CellProblem[] = [];
  const titleDates: SheetTitleDate[] = [];

  for (const grid of grids) {
    let level: Level | undefined;
    if (selection.length > 0) {
      const req = selection.find((r) => requestMatches(r, grid.name));
      if (!req) {
        skippedSheets.push({ file: path, sheet: grid.name, reason: 'không được chọn bằng --sheet' });
        continue;
      }
      level = req.level;
    }
    const r = interpretGrid(grid, { file: path, config, ...(level ? { level } : {}) });
    if (r.skipped) {
      if (selection.length > 0) {
        throw new DataError(`${path}, sheet "${grid.name}" (chọn bằng --sheet): ${r.skipped}`);
      }
      skippedSheets.push({ file: path, sheet: grid.name, reason: r.skipped });
    }
    sheets.push(...r.sheets);
    problems.push(...r.problems);
    warnings.push(...r.warnings);
    if (!r.skipped) titleDates.push({ sheet: grid.name, title: r.titleDate });
  }

  if (strict) {
    for (const req of selection) {
      if (!grids.some((g) => requestMatches(req, g.name))) {
        throw new UsageError(
          `--sheet "${req.name}": không có sheet này trong ${path}; các sheet có: ${grids.map((g) => `"${g.name}"`).join(', ')}`,
        );
      }
    }
  }
  if (problems.length > 0) {
    const max = config.input.maxErrors;
    throw new CellErrors(path, problems.slice(0, max), Math.max(0, problems.length - max));
  }

  return { file: path, sheets, skippedSheets, warnings, date: decideFileDate(path, titleDates) };
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
  const grids = await loadGrids(path, config);
  return decideFileDate(
    path,
    grids.map((g) => ({ sheet: g.name, title: gridTitleDate(g) })),
  );
}
