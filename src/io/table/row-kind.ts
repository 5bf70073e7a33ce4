/**
 * What a row of a score table is: blank, a header (repeated, or a new table's), a summary row, a
 * note, a section heading, values without a name, or a unit.
 */
import { foldVietnamese, normalizeName } from '../../core/names.js';
import { NOTE_PREFIXES, SECTION_PHRASES } from '../../core/vocabulary.js';
import { cellText, isEmptyValue, rowText, type CellValue } from './grid.js';
import { headerAt, type Header } from './header.js';
import type { Reading, Table } from './reading.js';
import { isSummaryLabel } from './summary-rows.js';
import { parseScore } from './values.js';

const ROMAN_LEAD = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?:[.)\s-]|$)/i;
const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/;
const NOTE_ROW = new RegExp(`^(?:${NOTE_PREFIXES.join('|')}|ngay \\d)(?: |$)`);

function isSectionPhrase(folded: string): boolean {
  const f = ` ${folded} `;
  return SECTION_PHRASES.some((p) => f.includes(` ${p} `));
}

/** What a row of a table is. */
export type RowKind =
  | { kind: 'blank' }
  | { kind: 'header'; header: Header }
  | { kind: 'summary'; label: string }
  | { kind: 'skip' }
  | { kind: 'section'; text: string; numbered: boolean }
  | { kind: 'nameless' }
  | { kind: 'unit'; name: string };

/** A row with no number and at least two labels may start a table or repeat its header. */
function mayBeHeader(cells: CellValue[]): boolean {
  let labels = 0;
  for (const v of cells) {
    if (isEmptyValue(v)) continue;
    if (parseScore(v).ok) return false;
    labels++;
  }
  return labels >= 2;
}

export function classifyRow(r: Reading, t: Table, row: number, cells: CellValue[], inTable: CellValue[]): RowKind {
  if (inTable.every((v) => isEmptyValue(v))) return { kind: 'blank' };
  if (mayBeHeader(inTable)) {
    const header = headerAt(r.index, row, t.header.left, t.header.right);
    if (header) return { kind: 'header', header };
  }
  const nameCol = t.nameCol.col;
  const name = normalizeName(cellText(cells[nameCol - 1]));
  const folded = foldVietnamese(name);
  if (name !== '' && isSummaryLabel(name) && !isSectionRowWithoutScores(t, cells, name)) return { kind: 'summary', label: name };
  // A summary label before the name column: "Tổng cộng" in the STT column.
  const before = rowText(cells.slice(t.header.left - 1, nameCol - 1));
  if (name === '' && before !== '' && isSummaryLabel(before)) return { kind: 'summary', label: before };
  // A row of column numbers "(1) (2) (3)" under the header.
  if (!t.seenUnit && COLUMN_NUMBER.test(name)) return { kind: 'skip' };
  if (t.scoreCols.every((c) => isEmptyValue(cells[c.col - 1]))) {
    if (NOTE_ROW.test(folded) || /^[(*]/.test(name)) return { kind: 'skip' };
    const text = rowText(inTable);
    const numbered = ROMAN_LEAD.test(text);
    if (name === '' || numbered || isSectionPhrase(folded)) return { kind: 'section', text, numbered };
  }
  if (name === '') return { kind: 'nameless' };
  return { kind: 'unit', name };
}

/** "Cấp xã" alone with no figures heads a section; with figures it sums the level up. */
function isSectionRowWithoutScores(t: Table, cells: CellValue[], name: string): boolean {
  return isSectionPhrase(foldVietnamese(name)) && t.scoreCols.every((c) => isEmptyValue(cells[c.col - 1]));
}
