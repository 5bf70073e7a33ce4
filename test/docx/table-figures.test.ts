/**
 * Appendix tables of every document kind written from the fixtures (issue 8, point 3): two decimals
 * in every column of figures, figures kept off the right border, the Xếp loại column wide enough for
 * "Không có dữ liệu" on one line.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_DATA_LABEL } from '../../src/core/documents/appendix.js';
import { APPENDIX_CELL_MARGIN, fittedWidths } from '../../src/io/docx/appendix-table.js';
import { textWidth } from '../../src/io/docx/measure.js';
import { renderDocx } from '../../src/io/docx/render.js';
import { all, first, kid, kids, num, openDocx, paragraphProps, runProps, textOf, type Docx, type XmlElement } from '../helpers/docx-xml.js';
import { allGenerated, type Generated } from './generated.js';
import { appendix, baoCaoModel, rankingTable } from './sample-model.js';

interface Column {
  header: string;
  head: XmlElement;
  cells: XmlElement[];
  width: number;
}

/** The appendix tables (those with a repeated header row), column by column. */
function appendixColumns(docx: Docx): { tbl: XmlElement; columns: Column[] }[] {
  return all(docx.body, 'w:tbl')
    .filter((t) => all(t, 'w:tblHeader').length > 0)
    .map((tbl) => {
      const [head, ...rows] = kids(tbl, 'w:tr');
      const grid = all(kid(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w')!);
      const columns = kids(head!, 'w:tc').map((tc, i) => ({
        header: textOf(tc),
        head: tc,
        cells: rows.map((r) => kids(r, 'w:tc')[i]!),
        width: grid[i]!,
      }));
      return { tbl, columns };
    });
}

const isFigureColumn = (header: string) => !/^(STT|Tên |Xếp loại|Xếp hạng)/.test(header);
const isChangeColumn = (header: string) => header.startsWith('So với');

let docs: Generated[];
beforeAll(async () => {
  docs = await allGenerated();
}, 120_000);

describe('columns of figures', () => {
  it('print every figure with two decimals, changes signed, in every appendix of every kind', () => {
    let figures = 0;
    const withAppendices = docs.filter((d) => appendixColumns(d.docx).length > 0).map((d) => d.kind);
    expect(withAppendices).toEqual(['weekly', 'weekly-trend', 'monthly', 'quarterly', 'yearly', 'publish']);
    for (const d of docs) {
      for (const { columns } of appendixColumns(d.docx)) {
        for (const c of columns.filter((col) => isFigureColumn(col.header))) {
          const pattern = isChangeColumn(c.header) ? /^(?:[+-]\d{1,3},\d{2}|0,00|mới)$/ : /^\d{1,3},\d{2}$/;
          for (const cell of c.cells) {
            const text = textOf(cell);
            if (text === '') continue;
            expect(text, `${d.kind}: ${c.header}`).toMatch(pattern);
            figures++;
          }
        }
      }
    }
    expect(figures).toBeGreaterThan(1000);
  });

  it('write whole and one-decimal scores as the portal does ("18,00", "12,00", "+1,00" style)', () => {
    const cells = docs.flatMap((d) =>
      appendixColumns(d.docx).flatMap(({ columns }) => columns.filter((c) => isFigureColumn(c.header)).flatMap((c) => c.cells.map(textOf))),
    );
    expect(cells).toContain('18,00');
    expect(cells.some((t) => /^\d+,\d0$/.test(t) && !t.endsWith(',00'))).toBe(true);
  });

  it('keep figures 2.5 mm from the right border: cell margins and a right indent', () => {
    for (const d of docs) {
      for (const { tbl, columns } of appendixColumns(d.docx)) {
        const mar = kid(kid(tbl, 'w:tblPr'), 'w:tblCellMar')!;
        expect(num(kid(mar, 'w:left'), 'w:w')).toBe(APPENDIX_CELL_MARGIN);
        expect(num(kid(mar, 'w:right'), 'w:w')).toBe(APPENDIX_CELL_MARGIN);
        expect(APPENDIX_CELL_MARGIN).toBeGreaterThanOrEqual(85);
        for (const c of columns.filter((col) => isFigureColumn(col.header))) {
          for (const cell of c.cells.slice(0, 5)) {
            const p = paragraphProps(d.docx.styles, first(cell, 'w:p')!);
            expect(p.align).toBe('right');
            expect(APPENDIX_CELL_MARGIN + (p.right ?? 0)).toBeGreaterThanOrEqual(142);
          }
        }
      }
    }
  });
});

describe('the Xếp loại column', () => {
  /** The widest text of a column's cells at their own font size, in twips. */
  const widest = (d: Generated, c: Column) =>
    Math.max(...c.cells.filter((cell) => textOf(cell) !== '').map((cell) => textWidth(textOf(cell), runProps(d.docx.styles, first(cell, 'w:r')!).size! / 2)));

  it('holds its widest label on one line in every appendix, "Không có dữ liệu" included', () => {
    let noData = 0;
    for (const d of docs) {
      for (const { columns } of appendixColumns(d.docx)) {
        const band = columns.find((c) => c.header === 'Xếp loại')!;
        expect(band.width - 2 * APPENDIX_CELL_MARGIN).toBeGreaterThanOrEqual(widest(d, band));
        noData += band.cells.filter((cell) => textOf(cell) === NO_DATA_LABEL).length;
      }
    }
    // The quarterly report of 2024 has an agency without data.
    expect(noData).toBeGreaterThan(0);
  });

  it('is widened for "Không có dữ liệu" in the narrowest layout (11 columns, 11 pt), the room taken from the names', async () => {
    const table = rankingTable(3, { change: true });
    table.columns = table.columns.map((c) => (/^(Xếp|Tổng|So với)/.test(c.header) || c.align === 'right' ? { ...c, oneLine: true } : c));
    table.rows[2]![9] = NO_DATA_LABEL;
    const plain = fittedWidths({ ...table, columns: table.columns.map((c) => ({ ...c, oneLine: false })) }, 14287, 11);
    const fitted = fittedWidths(table, 14287, 11);
    expect(plain[9]! - 2 * APPENDIX_CELL_MARGIN).toBeLessThan(textWidth(NO_DATA_LABEL, 11));
    expect(fitted[9]! - 2 * APPENDIX_CELL_MARGIN).toBeGreaterThanOrEqual(textWidth(NO_DATA_LABEL, 11));
    expect(fitted.reduce((a, b) => a + b, 0)).toBe(14287);
    expect(fitted[1]).toBeLessThan(plain[1]!);
    const d = openDocx(await renderDocx(baoCaoModel({ appendices: [appendix('I', 'X', true, table)] })));
    const grid = all(kid(kids(d.body, 'w:tbl')[2]!, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w'));
    expect(grid).toEqual(fitted);
  });

  it('keeps every header word on one line: "STT" is never split', () => {
    for (const d of docs) {
      for (const { columns } of appendixColumns(d.docx)) {
        const stt = columns[0]!;
        expect(stt.header).toBe('STT');
        const size = runProps(d.docx.styles, first(stt.head, 'w:r')!).size!;
        expect(stt.width - 2 * APPENDIX_CELL_MARGIN).toBeGreaterThanOrEqual(textWidth('STT', size / 2, 'bold'));
      }
    }
  });
});
