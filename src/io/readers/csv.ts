/**
 * CSV → Grid: UTF-8 with or without BOM, `,` `;` or tab separator (sniffed), quoted fields with
 * doubled quotes and line breaks inside quotes.
 */
import { DataError } from '../../core/errors.js';
import type { CellValue, Grid, GridRow } from '../table/grid.js';

export type Separator = ',' | ';' | '\t';

/** Split CSV text into records. */
export function parseCsv(text: string, sep: Separator): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
      continue;
    }
    if (ch === sep) {
      record.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * The separator that splits the first lines most consistently: the one giving the most lines with
 * the same (≥ 2) field count. Ties prefer `;` (decimal-comma files), then tab, then `,`.
 */
export function sniffSeparator(text: string): Separator {
  const sample = text.slice(0, 64 * 1024);
  let best: Separator = ',';
  let bestScore = -1;
  for (const sep of [';', '\t', ','] as const) {
    const records = parseCsv(sample, sep).slice(0, 40).filter((r) => r.some((f) => f.trim() !== ''));
    const counts = new Map<number, number>();
    for (const r of records) if (r.length >= 2) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let score = 0;
    for (const [fields, lines] of counts) score = Math.max(score, lines * 1000 + fields);
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** A row of a comma CSV split by unquoted decimal commas: "14,53" read as the two fields "14" and "53". */
export interface DecimalCommaCollision {
  /** 1-based record numbers, as the grid numbers rows. */
  row: number;
  fields: number;
  headerRow: number;
  headerFields: number;
  /** The two fields one number was split into. */
  split: [string, string];
}

/** Fields up to the last non-empty one. */
function width(record: string[]): number {
  let n = record.length;
  while (n > 0 && record[n - 1]!.trim() === '') n--;
  return n;
}

const DIGITS = /^\d+$/;

/**
 * The first row of a comma-separated file that has more fields than its header row and two
 * neighbouring all-digit fields: the sign of decimal commas that were not quoted. The header is
 * the first row of at least 3 fields, most of them words.
 */
export function findDecimalCommaCollision(records: string[][]): DecimalCommaCollision | null {
  const headerIndex = records.findIndex((r) => {
    const filled = r.filter((f) => f.trim() !== '');
    return filled.length >= 3 && filled.filter((f) => /\p{L}/u.test(f)).length * 2 >= filled.length;
  });
  if (headerIndex < 0) return null;
  const headerFields = width(records[headerIndex]!);
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i]!;
    const fields = width(r);
    if (fields <= headerFields) continue;
    for (let c = 0; c + 1 < fields; c++) {
      const a = r[c]!.trim();
      const b = r[c + 1]!.trim();
      if (DIGITS.test(a) && DIGITS.test(b)) {
        return { row: i + 1, fields, headerRow: headerIndex + 1, headerFields, split: [a, b] };
      }
    }
  }
  return null;
}

/** Parse CSV text (BOM already removed) into a Grid named `name`; `file` names it in messages. */
export function csvToGrid(text: string, name: string, file = name): Grid {
  const sep = sniffSeparator(text);
  const records = parseCsv(text, sep);
  const collision = sep === ',' ? findDecimalCommaCollision(records) : null;
  if (collision) {
    const { row, fields, headerRow, headerFields, split } = collision;
    throw new DataError(
      `${file}, dòng ${row}: có ${fields} ô, nhiều hơn ${headerFields} cột của dòng tiêu đề (dòng ${headerRow}). ` +
        'Tệp CSV dùng dấu phẩy "," vừa để ngăn cách các cột vừa làm dấu thập phân, nên một số như ' +
        `"${split[0]},${split[1]}" bị tách thành hai ô ("${split[0]}" và "${split[1]}"). Hãy lưu lại tệp với dấu ";" ` +
        'để ngăn cách các cột, hoặc đặt các số trong dấu ngoặc kép ("9,5"), hoặc dùng dấu chấm "." làm dấu thập phân (9.5).',
    );
  }
  const rows: GridRow[] = [];
  records.forEach((fields, i) => {
    const cells: CellValue[] = fields.map((f) => (f.trim() === '' ? null : f.trim()));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) rows.push({ row: i + 1, cells });
  });
  return { name, rows, merges: [] };
}
