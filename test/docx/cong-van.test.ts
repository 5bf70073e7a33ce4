/** The Công văn sample (seed 003): issuer without parent, V/v under Số, Kính gửi list, footnotes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/io/docx/render.js';
import { textWidth } from '../../src/io/docx/measure.js';
import { all, first, kid, kids, num, openDocx, paragraphProps, paragraphWithText, runProps, textOf, type Docx, type XmlElement } from '../helpers/docx-xml.js';
import { congVanModel, FOOTNOTE_003 } from './sample-model.js';

let docx: Docx;
beforeAll(async () => {
  docx = openDocx(await renderDocx(congVanModel()));
});
const props = (p: XmlElement) => paragraphProps(docx.styles, p);
const runOf = (p: XmlElement) => runProps(docx.styles, first(p, 'w:r')!);
const headerCells = (row: number): XmlElement[] => kids(kids(kids(docx.body, 'w:tbl')[0]!, 'w:tr')[row]!, 'w:tc');

describe('công văn header', () => {
  it('writes both issuer lines bold with no parent line, and a rule for the longest line', () => {
    const ps = kids(headerCells(0)[0]!, 'w:p');
    expect(ps.slice(0, 2).map(textOf)).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐẮK LẮK']);
    for (const p of ps.slice(0, 2)) expect(runOf(p)).toMatchObject({ size: 26, bold: true });
    const rule = ps[2]!;
    expect(props(rule).borderTop).toBe('single');
    const area = 3686 - 2 * 57;
    const length = area - props(rule).left! - props(rule).right!;
    const longest = textWidth('ỦY BAN NHÂN DÂN', 13, 'bold');
    expect(longest).toBeGreaterThan(textWidth('TỈNH ĐẮK LẮK', 13, 'bold'));
    expect(length).toBeGreaterThanOrEqual(longest / 3);
    expect(length).toBeLessThanOrEqual(longest / 2);
  });

  it('puts the V/v lines under Số, 12–13 pt, neither bold nor italic, 6 pt below Số', () => {
    const [so, ...subject] = kids(headerCells(1)[0]!, 'w:p');
    expect(textOf(so!)).toBe('Số:      /UBND-PVHCC');
    expect(subject.map(textOf)).toEqual(congVanModel().header.subject);
    subject.forEach((p, i) => {
      const r = runOf(p);
      expect([24, 26]).toContain(r.size);
      expect(r.bold ?? false).toBe(false);
      expect(r.italic ?? false).toBe(false);
      expect(props(p).align).toBe('center');
      expect(props(p).before ?? 0).toBe(i === 0 ? 120 : 0);
    });
    expect(textOf(kids(headerCells(1)[1]!, 'w:p')[0]!)).toBe('Đắk Lắk, ngày      tháng 3 năm 2026');
  });

  it('has no title block', () => {
    expect(() => paragraphWithText(docx.body, 'BÁO CÁO')).toThrow();
  });
});

describe('kính gửi', () => {
  it('puts "Kính gửi:" at 3.5 cm and the recipients under the colon, each starting "- "', () => {
    const label = paragraphWithText(docx.body, 'Kính gửi:');
    expect(props(label).left).toBe(1985);
    expect(props(label).before).toBeGreaterThanOrEqual(200);
    expect(runOf(label).size).toBe(28);
    expect(runOf(label).bold ?? false).toBe(false);
    const siblings = kids(docx.body, 'w:p');
    const at = siblings.indexOf(label);
    const items = siblings.slice(at + 1, at + 3);
    const indent = 1985 + textWidth('Kính gửi: ', 14);
    for (const p of items) {
      expect(textOf(p)).toMatch(/^- /);
      expect(Math.abs(props(p).left! - indent)).toBeLessThanOrEqual(1);
      expect(props(p).firstLine ?? 0).toBe(0);
      expect(props(p).hanging ?? 0).toBe(0);
    }
    expect(textOf(items[0]!)).toBe(`- ${congVanModel().recipients![0]}`);
    expect(props(items[1]!).after).toBeGreaterThanOrEqual(120);
  });

  it('writes a single recipient on one centred line', async () => {
    const d = openDocx(await renderDocx(congVanModel({ recipients: ['Ủy ban nhân dân tỉnh Đắk Lắk'] })));
    const p = paragraphWithText(d.body, 'Kính gửi: Ủy ban nhân dân tỉnh Đắk Lắk');
    expect(paragraphProps(d.styles, p).align).toBe('center');
    expect(paragraphProps(d.styles, p).left ?? 0).toBe(0);
  });
});

describe('công văn body and end', () => {
  it('writes both footnotes, in order, with references in the body', () => {
    const notes = kids(docx.part('word/footnotes.xml'), 'w:footnote').filter((f) => !f.attrs['w:type']);
    expect(notes.map((n) => textOf(n).trim())).toEqual([FOOTNOTE_003, 'Chỉ tiêu theo Công văn số 821/UBND-PVHCC ngày 15/01/2026 của UBND tỉnh.']);
    const refs = all(docx.body, 'w:footnoteReference').map((r) => r.attrs['w:id']);
    expect(refs).toEqual(notes.map((n) => n.attrs['w:id']));
    // The second reference follows "... trở lên" and precedes "./.".
    const p = paragraphWithText(docx.body, /trở lên\.\/\.$/);
    const runs = kids(p, 'w:r');
    const refRun = runs.findIndex((r) => kid(r, 'w:footnoteReference'));
    expect(textOf(runs[refRun - 2]!)).toMatch(/trở lên$/);
    expect(textOf(runs[refRun + 1]!)).toBe('./.');
  });

  it('has no appendix section', () => {
    expect(all(docx.body, 'w:sectPr')).toHaveLength(1);
    expect(num(kid(all(docx.body, 'w:sectPr')[0]!, 'w:pgSz'), 'w:w')).toBe(11906);
  });
});

describe('other layouts', () => {
  it('scales the header columns to other margins and drops the Quốc hiệu to 12 pt when 13 pt does not fit', async () => {
    const d = openDocx(await renderDocx(congVanModel({ layout: { margins: { top: 25, bottom: 20, left: 35, right: 20 }, bodySize: 13 } })));
    const sect = all(d.body, 'w:sectPr')[0]!;
    const mar = kid(sect, 'w:pgMar')!;
    expect([num(mar, 'w:top'), num(mar, 'w:bottom'), num(mar, 'w:left'), num(mar, 'w:right')]).toEqual([1417, 1134, 1984, 1134]);
    const width = 11906 - 1984 - 1134;
    const grid = all(kid(kids(d.body, 'w:tbl')[0]!, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w')!);
    expect(grid[0]! + grid[1]!).toBe(width);
    expect(Math.abs(grid[0]! / width - 3686 / 9355)).toBeLessThan(0.001);
    const qh = paragraphWithText(d.body, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const size = runProps(d.styles, first(qh, 'w:r')!).size!;
    expect(size).toBe(24);
    expect(textWidth('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, 'bold')).toBeLessThanOrEqual(grid[1]! - 114);
    const body = paragraphWithText(d.body, /^Theo số liệu công khai/);
    expect(runProps(d.styles, first(body, 'w:r')!).size).toBe(26);
  });
});
