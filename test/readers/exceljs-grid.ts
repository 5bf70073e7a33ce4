/**
 * A second, independent reading of a workbook for cross-checks: exceljs's whole-workbook model
 * flattened to a Grid by the rules of src/io/readers/xlsx-sheet.ts (the reader dakindex used
 * before it scanned the parts itself).
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue, Grid, GridRow, MergeRange } from '../../src/io/table/grid.js';
import { cleanNumber } from '../../src/io/table/values.js';

function dateText(d: Date): string {
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}

function numberValue(n: number, numFmt: string | undefined): CellValue {
  // Excel stores 97,5% as 0.975 with a percent format: give the interpreter the percent text.
  if (numFmt && /%/.test(numFmt.replace(/"[^"]*"/g, ''))) return `${cleanNumber(n * 100)}%`;
  return n;
}

/** Flatten an exceljs cell value. */
function flattenValue(value: ExcelJS.CellValue, numFmt?: string): CellValue {
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
