/** Appendices: own sections, page numbering, orientation, heading block and the directly-written table. */
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { renderDocx } from '../../src/io/docx/render.js';
import { textWidth } from '../../src/io/docx/measure.js';
import { all, elements, first, kid, kids, num, openDocx, paragraphProps, paragraphWithText, runProps, textOf, type Docx, type XmlElement } from '../helpers/docx-xml.js';
import { appendix, baoCaoModel, rankingTable } from './sample-model.js';

let docx: Docx;
beforeAll(async () => {
  docx = openDocx(await renderDocx(baoCaoModel()));
});

/** The body's top-level blocks, each with the number of its section (0 = main). */
function blocksBySection(body: XmlElement): { el: XmlElement; section: number }[] {
  let section = 0;
  return elements(body)
    .filter((e) => e.name !== 'w:sectPr')
    .map((el) => {
      const entry = { el, section };
      if (el.name === 'w:p' && kid(kid(el, 'w:pPr'), 'w:sectPr')) section++;
      return entry;
    });
}
const sectionOf = (el: XmlElement): number => blocksBySection(docx.body).find((b) => b.el === el)!.section;
const appendixTables = (): XmlElement[] => kids(docx.body, 'w:tbl').slice(2);
const props = (p: XmlElement) => paragraphProps(docx.styles, p);

describe('appendix sections', () => {
  it('gives each appendix its own section, numbered from 1, first number hidden', () => {
    const sects = all(docx.body, 'w:sectPr');
    expect(sects).toHaveLength(3);
    for (const s of sects.slice(1)) {
      expect(kid(s, 'w:pgNumType')!.attrs['w:start']).toBe('1');
      expect(kid(s, 'w:titlePg')).toBeDefined();
      expect(kids(s, 'w:headerReference').map((h) => h.attrs['w:type']).sort()).toEqual(['default', 'first']);
      expect(kid(s, 'w:type')?.attrs['w:val'] ?? 'nextPage').toBe('nextPage');
    }
    expect(kid(sects[0]!, 'w:pgNumType')?.attrs['w:start']).toBeUndefined();
    expect(sectionOf(paragraphWithText(docx.body, 'Phụ lục I'))).toBe(1);
    expect(sectionOf(paragraphWithText(docx.body, 'Phụ lục II'))).toBe(2);
    expect(sectionOf(appendixTables()[0]!)).toBe(1);
    expect(sectionOf(appendixTables()[1]!)).toBe(2);
  });

  it('is portrait or landscape as asked', () => {
    const [, one, two] = all(docx.body, 'w:sectPr');
    const size = (s: XmlElement) => [num(kid(s, 'w:pgSz'), 'w:w'), num(kid(s, 'w:pgSz'), 'w:h')];
    expect(size(one!)).toEqual([11906, 16838]);
    expect(size(two!)).toEqual([16838, 11906]);
    expect(kid(two!, 'w:pgSz')!.attrs['w:orient']).toBe('landscape');
  });

  it('writes the heading block: number, upper-case title, italic note, short rule', () => {
    const number = paragraphWithText(docx.body, 'Phụ lục I');
    expect(runProps(docx.styles, first(number, 'w:r')!)).toMatchObject({ size: 28, bold: true });
    expect(props(number).align).toBe('center');
    const title = paragraphWithText(docx.body, 'KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH');
    expect(runProps(docx.styles, first(title, 'w:r')!)).toMatchObject({ bold: true });
    expect([26, 28]).toContain(runProps(docx.styles, first(title, 'w:r')!).size);
    const note = paragraphWithText(docx.body, /^\(Kèm theo Báo cáo số/);
    expect(runProps(docx.styles, first(note, 'w:r')!).italic).toBe(true);
    expect([26, 28]).toContain(runProps(docx.styles, first(note, 'w:r')!).size);
    expect(props(note).align).toBe('center');
    const siblings = kids(docx.body, 'w:p');
    const rule = siblings[siblings.indexOf(note) + 1]!;
    expect(props(rule).borderTop).toBe('single');
    const length = 9355 - props(rule).left! - props(rule).right!;
    expect(length).toBeGreaterThan(500);
    expect(length).toBeLessThanOrEqual(textWidth('KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁC SỞ, BAN, NGÀNH', 14, 'bold') / 2);
  });
});

describe('appendix table', () => {
  it('has single black borders, fixed layout, a grid as wide as the text and every tcW set', () => {
    appendixTables().forEach((tbl, i) => {
      const tblPr = kid(tbl, 'w:tblPr')!;
      expect(kid(tblPr, 'w:tblLayout')!.attrs['w:type']).toBe('fixed');
      for (const b of elements(kid(tblPr, 'w:tblBorders')!)) {
        expect(b.attrs['w:val']).toBe('single');
        expect(b.attrs['w:color']).toBe('000000');
      }
      const grid = all(kid(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w')!);
      expect(grid.reduce((a, b) => a + b, 0)).toBe(i === 0 ? 9355 : 16838 - 1701 - 850);
      for (const tr of kids(tbl, 'w:tr')) {
        const tcs = kids(tr, 'w:tc');
        expect(tcs.map((tc) => num(kid(kid(tc, 'w:tcPr'), 'w:tcW'), 'w:w'))).toEqual(grid);
        for (const tc of tcs) expect(elements(tc).at(-1)!.name).toBe('w:p');
      }
    });
  });

  it('repeats a bold centred header row on every page', () => {
    for (const tbl of appendixTables()) {
      const [head, ...body] = kids(tbl, 'w:tr');
      expect(kid(kid(head!, 'w:trPr'), 'w:tblHeader')).toBeDefined();
      for (const r of body) expect(kid(kid(r, 'w:trPr'), 'w:tblHeader')).toBeUndefined();
      for (const p of all(head!, 'w:p')) {
        expect(props(p).align).toBe('center');
        expect(props(p).bold).toBe(true);
      }
    }
  });

  it('centres STT, right-aligns number columns, left-aligns names; 12 pt, or 11 pt past 9 columns', () => {
    const [one, two] = appendixTables();
    const row = (tbl: XmlElement, r: number) => kids(kids(tbl, 'w:tr')[r]!, 'w:tc').map((tc) => props(first(tc, 'w:p')!));
    const a = row(one!, 1);
    expect(a.map((p) => p.align ?? 'left')).toEqual(['center', 'left', 'right', 'center', 'center']);
    expect(a.every((p) => p.size === 24)).toBe(true);
    const b = row(two!, 1);
    expect(b).toHaveLength(11);
    expect(b[0]!.align).toBe('center');
    expect(b.slice(2, 8).every((p) => p.align === 'right')).toBe(true);
    expect(b[10]!.align).toBe('right');
    expect(b.every((p) => p.size === 22)).toBe(true);
    expect(row(two!, 0).every((p) => p.size === 22)).toBe(true);
  });

  it('keeps the cell text, pads short rows with empty cells and escapes special characters', () => {
    const [one, two] = appendixTables();
    const texts = (tbl: XmlElement, r: number) => kids(kids(tbl, 'w:tr')[r]!, 'w:tc').map(textOf);
    expect(texts(one!, 0)).toEqual(['STT', 'Tên cơ quan, đơn vị', 'Tổng điểm (100)', 'Xếp loại', 'Xếp hạng']);
    expect(texts(one!, 3)).toEqual(['3', 'Sở Nội vụ', '71,04', 'Khá', '']);
    expect(texts(two!, 1)[1]).toBe('UBND xã Ea Ly & Sông Cầu số 1');
    expect(kids(two!, 'w:tr')).toHaveLength(13);
  });

  it('refuses a row with more cells than columns, saying which row of which Phụ lục', async () => {
    const t = rankingTable(2);
    t.rows[1]!.push('extra');
    const render = renderDocx(baoCaoModel({ appendices: [appendix('I', 'X', false, t)] }));
    await expect(render).rejects.toThrow(DataError);
    await expect(render).rejects.toThrow(/^Phụ lục I, dòng 2 của bảng: 11 ô cho 10 cột, không tạo được văn bản\. Kiểm tra dòng này/);
  });

  it('leaves the table out, not the section, when an appendix has no columns', async () => {
    const d = openDocx(await renderDocx(baoCaoModel({ appendices: [appendix('I', 'X', false, { columns: [], rows: [] })] })));
    expect(kids(d.body, 'w:tbl')).toHaveLength(2);
    expect(all(d.body, 'w:sectPr')).toHaveLength(2);
    expect(d.files.get('word/document.xml')).not.toContain('DAKINDEX-APPENDIX-TABLE');
  });

  it('writes a header-only table when there are no rows', async () => {
    const d = openDocx(await renderDocx(baoCaoModel({ appendices: [appendix('I', 'X', true, { ...rankingTable(0) })] })));
    const tbl = kids(d.body, 'w:tbl')[2]!;
    expect(kids(tbl, 'w:tr')).toHaveLength(1);
  });
});
