/**
 * CSV → Grid: UTF-8 with or without BOM, `,` `;` or tab separator (sniffed), quoted fields with
 * doubled quotes and line breaks inside quotes.
 */
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

/** Parse CSV text (BOM already removed) into a Grid named `name`. */
export function csvToGrid(text: string, name: string): Grid {
  const sep = sniffSeparator(text);
  const rows: GridRow[] = [];
  parseCsv(text, sep).forEach((fields, i) => {
    const cells: CellValue[] = fields.map((f) => (f.trim() === '' ? null : f.trim()));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    if (cells.length > 0) rows.push({ row: i + 1, cells });
  });
  return { name, rows, merges: [] };
}
