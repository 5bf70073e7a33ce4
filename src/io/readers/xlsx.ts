/**
 * .xlsx → Grids with exceljs, after the size guard. Cell values are flattened to numbers and text:
 * formulas by their cached result, rich text joined, error cells as their code, percent-formatted
 * numbers as "97.5%" text so the interpreter sees rates.
 */
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import type * as ExcelJS from 'exceljs';
import type { Config } from '../../config/schema.js';
import { DataError } from '../../core/errors.js';
import type { CellValue, Grid, GridRow, MergeRange } from '../table/grid.js';
import { cleanNumber } from '../table/values.js';
import { decodeEntities } from './html-table.js';
import { readCentralDirectory, storedBytes, ZipFormatError, type ZipEntry } from '../zip.js';
import { guardZip } from './zip-guard.js';

function dateText(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

function numberValue(n: number, numFmt: string | undefined): CellValue {
  // Excel stores 97,5% as 0.975 with a percent format: give the interpreter the percent text.
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''))) return `${cleanNumber(n * 100)}%`;
  return n;
}

/** Flatten an exceljs cell value. */
export function flattenValue(value: ExcelJS.CellValue, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return numberValue(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('error' in value) return String(value.error);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const f = value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      const result = f.result as unknown;
      if (result === undefined || result === null) {
        return `=${'formula' in f ? f.formula : f.sharedFormula}`;
      }
      return flattenValue(result as ExcelJS.CellValue, numFmt);
    }
    if ('text' in value) {
      const t = (value as { text: unknown }).text;
      if (typeof t === 'string') return t;
      if (t && typeof t === 'object' && 'richText' in t) {
        return (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
      }
    }
  }
  return String(value as unknown);
}

/** One worksheet → Grid. Only top-left cells of merged ranges hold values. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: GridRow[] = [];
  const merges = new Map<string, MergeRange>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    let last = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.isMerged && cell.master !== cell) {
        const master = cell.master;
        const key = master.address;
        const m = merges.get(key) ?? {
          top: Number(master.row),
          left: Number(master.col),
          bottom: Number(master.row),
          right: Number(master.col),
        };
        m.bottom = Math.max(m.bottom, rowNumber);
        m.right = Math.max(m.right, col);
        m.top = Math.min(m.top, rowNumber);
        m.left = Math.min(m.left, col);
        merges.set(key, m);
        return;
      }
      const v = flattenValue(cell.value, cell.numFmt);
      if (v === null || (typeof v === 'string' && v.trim() === '')) return;
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = v;
      last = col;
    });
    if (last > 0) rows.push({ row: rowNumber, cells });
  });
  return { name: ws.name, rows, merges: [...merges.values()] };
}

/** Inflate a small part (workbook.xml, its rels) with a hard output bound; null if unreadable. */
function smallPart(buf: Buffer, entries: ZipEntry[], name: string): string | null {
  const e = entries.find((x) => x.name === name);
  if (!e) return null;
  try {
    const data = storedBytes(buf, e);
    const out = e.method === 0 ? data : inflateRawSync(data, { maxOutputLength: 4 * 1024 * 1024 });
    return out.toString('utf8');
  } catch {
    return null;
  }
}

function xmlAttr(tag: string, attr: string): string | null {
  const m = new RegExp(`\\s${attr}\\s*=\\s*"([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : null;
}

/** Worksheet parts ↔ sheet names and workbook order, from xl/workbook.xml and its rels. */
function sheetParts(buf: Buffer, entries: ZipEntry[]): SheetParts {
  const names = new Map<string, string>();
  const partOf = new Map<string, { part: string; order: number }>();
  const workbook = smallPart(buf, entries, 'xl/workbook.xml');
  const rels = smallPart(buf, entries, 'xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const targets = new Map<string, string>();
    for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
      const id = xmlAttr(tag, 'Id');
      const target = xmlAttr(tag, 'Target');
      if (id && target) targets.set(id, target.replace(/^\/?(?:xl\/)?/, 'xl/'));
    }
    let order = 0;
    for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
      const name = xmlAttr(tag, 'name');
      const id = xmlAttr(tag, '[\\w]+:id');
      const target = id ? targets.get(id) : undefined;
      if (name && target) {
        names.set(target, name);
        partOf.set(name, { part: target, order: order++ });
      }
    }
  }
  return { nameOf: (part) => names.get(part) ?? part, partOf };
}

interface SheetParts {
  /** Worksheet part → sheet name. */
  nameOf: (part: string) => string;
  /** Sheet name → worksheet part, and the sheet's position in the workbook. */
  partOf: Map<string, { part: string; order: number }>;
}

/**
 * Read an .xlsx held in memory. Throws DataError naming the file for a broken or oversized
 * workbook; never lets an exceljs error through. Sheets are read with exceljs's streaming reader
 * (a third of the memory of the workbook model); a file it cannot stream is loaded whole.
 */
export async function readXlsx(buf: Buffer, file: string, config: Config): Promise<Grid[]> {
  let parts: SheetParts;
  let merges: Record<string, MergeRange[]>;
  try {
    const entries = readCentralDirectory(buf);
    if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
      throw new DataError(`${file}: là tệp zip nhưng không phải bảng tính .xlsx (không có xl/workbook.xml)`);
    }
    parts = sheetParts(buf, entries);
    merges = (await guardZip(buf, file, config, parts.nameOf)).merges;
  } catch (err) {
    if (err instanceof ZipFormatError) {
      throw new DataError(`${file}: tệp .xlsx bị hỏng hoặc không đầy đủ (${err.message}); hãy tải lại hoặc lưu lại bằng Excel`);
    }
    throw err;
  }
  try {
    return await streamGrids(buf, parts, merges);
  } catch {
    // Fall through to the whole-workbook reader, which accepts more zip variants.
  }
  try {
    const wb = new (await excel()).Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const grids: Grid[] = [];
    wb.eachSheet((ws) => grids.push(worksheetToGrid(ws)));
    return grids;
  } catch (err) {
    const why = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    throw new DataError(`${file}: không đọc được bảng tính .xlsx (${why}); hãy mở bằng Excel và lưu lại dưới dạng .xlsx`);
  }
}

interface StreamedSheet {
  name?: string;
  id?: number | string;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

/** exceljs, loaded on first use: commands that read no workbook do not pay for it at start-up. */
async function excel(): Promise<typeof ExcelJS> {
  const m = await import('exceljs');
  return (m.default ?? m) as typeof ExcelJS;
}

async function streamGrids(buf: Buffer, parts: SheetParts, merges: Record<string, MergeRange[]>): Promise<Grid[]> {
  const { stream } = await excel();
  const reader = new stream.xlsx.WorkbookReader(Readable.from([buf]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets: Array<{ grid: Grid; order: number }> = [];
  for await (const wsRaw of reader) {
    const ws = wsRaw as unknown as StreamedSheet;
    const byNumber = `xl/worksheets/sheet${String(ws.id)}.xml`;
    const name = ws.name ?? parts.nameOf(byNumber);
    const where = parts.partOf.get(name);
    const rows: GridRow[] = [];
    for await (const row of ws) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const v = flattenValue(cell.value, cell.numFmt);
        if (v === null || (typeof v === 'string' && v.trim() === '')) return;
        while (cells.length < col - 1) cells.push(null);
        cells[col - 1] = v;
      });
      if (cells.length > 0) rows.push({ row: row.number, cells });
    }
    const grid: Grid = { name, rows, merges: merges[where?.part ?? byNumber] ?? [] };
    sheets.push({ grid, order: where?.order ?? Number.MAX_SAFE_INTEGER });
  }
  return sheets.sort((a, b) => a.order - b.order).map((s) => s.grid);
}
