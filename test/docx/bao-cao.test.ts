/** The Báo cáo sample (seed 001) rendered and inspected part by part. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/io/docx/render.js';
import { textWidth } from '../../src/io/docx/measure.js';
import {
  all,
  first,
  kid,
  kids,
  num,
  openDocx,
  paragraphProps,
  paragraphWithText,
  parseXml,
  runProps,
  textOf,
  type Docx,
  type XmlElement,
} from '../helpers/docx-xml.js';
import { baoCaoModel, FOOTNOTE_001 } from './sample-model.js';

const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

let docx: Docx;
let xml: string;
beforeAll(async () => {
  docx = openDocx(await renderDocx(baoCaoModel()));
  xml = docx.files.get('word/document.xml')!;
});

const tables = (): XmlElement[] => kids(docx.body, 'w:tbl');
const rows = (tbl: XmlElement): XmlElement[] => kids(tbl, 'w:tr');
const cells = (tr: XmlElement): XmlElement[] => kids(tr, 'w:tc');
const paras = (tc: XmlElement): XmlElement[] => kids(tc, 'w:p');
const props = (p: XmlElement) => paragraphProps(docx.styles, p);
/** Size, bold and italic of a paragraph's first run (its style's when it has no run). */
function runOf(p: XmlElement) {
  const r = first(p, 'w:r');
  return r ? runProps(docx.styles, r) : props(p);
}
/** Inner width of a cell: tcW less the table's left and right cell margins. */
function cellArea(tbl: XmlElement, tc: XmlElement): number {
  const mar = kid(kid(tbl, 'w:tblPr'), 'w:tblCellMar');
  const w = num(kid(kid(tc, 'w:tcPr'), 'w:tcW'), 'w:w')!;
  return w - (num(kid(mar, 'w:left'), 'w:w') ?? 108) - (num(kid(mar, 'w:right'), 'w:w') ?? 108);
}
/** The length of a rule paragraph: the area less its indents. */
function ruleLength(p: XmlElement, area: number): number {
  const pr = props(p);
  expect(pr.borderTop ?? pr.borderBottom).toBe('single');
  expect(textOf(p)).toBe('');
  expect(pr.align).toBe('center');
  return area - (pr.left ?? 0) - (pr.right ?? 0);
}

describe('page setup and fonts', () => {
  it('is A4 portrait with the model margins in twips and a 10 mm header distance', () => {
    const sect = all(docx.body, 'w:sectPr')[0]!;
    const size = kid(sect, 'w:pgSz')!;
    expect([num(size, 'w:w'), num(size, 'w:h')]).toEqual([11906, 16838]);
    const mar = kid(sect, 'w:pgMar')!;
    expect([num(mar, 'w:top'), num(mar, 'w:bottom'), num(mar, 'w:left'), num(mar, 'w:right')]).toEqual([1134, 1134, 1701, 850]);
    expect(num(mar, 'w:header')).toBe(567);
  });

  it('sets Times New Roman in every rFonts slot and black text in the document defaults', () => {
    const rPr = kid(kid(kid(docx.styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr')!;
    const fonts = kid(rPr, 'w:rFonts')!.attrs;
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(fonts[slot]).toBe('Times New Roman');
    expect(kid(rPr, 'w:color')!.attrs['w:val']).toBe('000000');
  });

  it('names no other font anywhere', () => {
    for (const part of ['word/styles.xml', 'word/document.xml', 'word/footnotes.xml']) {
      for (const f of all(parseXml(docx.files.get(part)!), 'w:rFonts')) {
        for (const [k, v] of Object.entries(f.attrs)) {
          expect(k.endsWith('Theme') ? '' : v, `${part} ${k}`).toMatch(/^(Times New Roman|)$/);
        }
      }
    }
  });
});

describe('header table', () => {
  it('is a borderless fixed two-column table of 3686 + 5669 twips with small cell margins', () => {
    const tbl = tables()[0]!;
    const tblPr = kid(tbl, 'w:tblPr')!;
    expect(kid(tblPr, 'w:tblLayout')!.attrs['w:type']).toBe('fixed');
    for (const b of kid(tblPr, 'w:tblBorders')!.children as XmlElement[]) expect(b.attrs['w:val']).toMatch(/^(none|nil)$/);
    expect(all(kid(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w'))).toEqual([3686, 5669]);
    for (const tr of rows(tbl)) expect(cells(tr).map((c) => num(kid(kid(c, 'w:tcPr'), 'w:tcW'), 'w:w'))).toEqual([3686, 5669]);
    const mar = kid(tblPr, 'w:tblCellMar')!;
    expect(num(kid(mar, 'w:left'), 'w:w')).toBeLessThanOrEqual(120);
    expect(num(kid(mar, 'w:right'), 'w:w')).toBeLessThanOrEqual(120);
  });

  it('puts the parent agency 13 pt regular and the issuer 13 pt bold, upper case, centred', () => {
    const [parent, issuer] = paras(cells(rows(tables()[0]!)[0]!)[0]!);
    expect(textOf(parent!)).toBe('UBND TỈNH ĐẮK LẮK');
    expect(runOf(parent!).size).toBe(26);
    expect(runOf(parent!).bold ?? false).toBe(false);
    expect(textOf(issuer!)).toBe('VĂN PHÒNG');
    expect(runOf(issuer!)).toMatchObject({ size: 26, bold: true });
    expect(props(parent!).align).toBe('center');
    expect(props(issuer!).align).toBe('center');
  });

  it('draws a centred rule 1/3 to 1/2 of the issuer line under it', () => {
    const tbl = tables()[0]!;
    const cell = cells(rows(tbl)[0]!)[0]!;
    const rule = paras(cell).at(-1)!;
    const length = ruleLength(rule, cellArea(tbl, cell));
    const issuer = textWidth('VĂN PHÒNG', 13, 'bold');
    expect(length).toBeGreaterThanOrEqual(issuer / 3);
    expect(length).toBeLessThanOrEqual(issuer / 2);
    expect(props(rule).left).toBe(props(rule).right);
  });

  it('writes the Quốc hiệu bold at 12–13 pt, fitting its cell on one line', () => {
    const tbl = tables()[0]!;
    const cell = cells(rows(tbl)[0]!)[1]!;
    const qh = paras(cell)[0]!;
    expect(textOf(qh)).toBe(QUOC_HIEU);
    const r = runOf(qh);
    expect(r.bold).toBe(true);
    expect([24, 26]).toContain(r.size);
    expect(textWidth(QUOC_HIEU, r.size! / 2, 'bold')).toBeLessThanOrEqual(cellArea(tbl, cell));
    expect(props(qh).align).toBe('center');
  });

  it('writes the Tiêu ngữ bold at 13–14 pt with a rule as long as its text', () => {
    const tbl = tables()[0]!;
    const cell = cells(rows(tbl)[0]!)[1]!;
    const [, tn, rule] = paras(cell);
    expect(textOf(tn!)).toBe(TIEU_NGU);
    const r = runOf(tn!);
    expect(r.bold).toBe(true);
    expect([26, 28]).toContain(r.size);
    const length = ruleLength(rule!, cellArea(tbl, cell));
    expect(Math.abs(length - textWidth(TIEU_NGU, r.size! / 2, 'bold'))).toBeLessThanOrEqual(3);
  });

  it('puts Số (13 pt regular) and the place/date line (italic) in the same row', () => {
    const row = rows(tables()[0]!)[1]!;
    const [left, right] = cells(row);
    const so = paras(left!)[0]!;
    expect(textOf(so)).toBe('Số:      /BC-VPUBND');
    expect(runOf(so)).toMatchObject({ size: 26 });
    expect(runOf(so).bold ?? false).toBe(false);
    const date = paras(right!)[0]!;
    expect(textOf(date)).toBe('Đắk Lắk, ngày      tháng 11 năm 2025');
    expect(runOf(date).italic).toBe(true);
    expect([26, 28]).toContain(runOf(date).size);
    expect(props(date).align).toBe('center');
    // Same spacing before, so the two lines start at the same height.
    expect(props(date).before).toBe(props(so).before);
  });
});

describe('title block', () => {
  it('centres BÁO CÁO and the summary lines, 14 pt bold', () => {
    const name = paragraphWithText(docx.body, 'BÁO CÁO');
    expect(props(name).align).toBe('center');
    expect(runOf(name)).toMatchObject({ size: 28, bold: true });
    expect(props(name).before).toBeGreaterThanOrEqual(240);
    for (const line of baoCaoModel().title!.summary) {
      const p = paragraphWithText(docx.body, line);
      expect(props(p).align).toBe('center');
      expect(runOf(p)).toMatchObject({ size: 28, bold: true });
    }
  });

  it('puts a centred rule 1/3 to 1/2 of the longest summary line under the title', () => {
    const summary = baoCaoModel().title!.summary;
    const last = paragraphWithText(docx.body, summary.at(-1)!);
    const siblings = kids(docx.body, 'w:p');
    const rule = siblings[siblings.indexOf(last) + 1]!;
    const longest = Math.max(...summary.map((l) => textWidth(l, 14, 'bold')));
    const length = ruleLength(rule, 11906 - 1701 - 850);
    expect(length).toBeGreaterThanOrEqual(longest / 3);
    expect(length).toBeLessThanOrEqual(longest / 2);
  });

  it('measures a summary that wraps by the width it wraps at, not by its unwrapped length', async () => {
    const model = baoCaoModel();
    const long = model.title!.summary.join(' ');
    const d = openDocx(await renderDocx({ ...model, title: { name: 'BÁO CÁO', summary: [long] }, appendices: [] }));
    const siblings = kids(d.body, 'w:p');
    const rule = siblings[siblings.indexOf(paragraphWithText(d.body, long)) + 1]!;
    const width = 11906 - 1701 - 850;
    expect(textWidth(long, 14, 'bold')).toBeGreaterThan(width);
    const length = ruleLength(rule, width);
    expect(length).toBeGreaterThanOrEqual(width / 3);
    expect(length).toBeLessThanOrEqual(width / 2);
  });
});

describe('body', () => {
  it('justifies body paragraphs with a first-line indent, 6 pt before, 0 after, 1.15–1.3 lines', () => {
    const p = paragraphWithText(docx.body, /^Thực hiện chỉ đạo/);
    const pr = props(p);
    expect(pr.align).toBe('both');
    expect([567, 720]).toContain(pr.firstLine);
    expect(pr.before).toBeGreaterThanOrEqual(120);
    expect(pr.after ?? 0).toBe(0);
    expect(pr.lineRule ?? 'auto').toBe('auto');
    expect(pr.line).toBeGreaterThanOrEqual(276);
    expect(pr.line).toBeLessThanOrEqual(312);
    expect(runOf(p).size).toBe(28);
  });

  it('makes headings bold and prefixes dash and plus items', () => {
    const h = paragraphWithText(docx.body, /^1\. Về cách tính điểm/);
    expect(runOf(h).bold).toBe(true);
    expect(props(h).align).toBe('both');
    expect(textOf(paragraphWithText(docx.body, /Theo Quyết định số 766/))).toMatch(/^- Theo/);
    expect(textOf(paragraphWithText(docx.body, /Công khai, minh bạch: 18 điểm/))).toBe('+ Công khai, minh bạch: 18 điểm.');
  });

  it('keeps inline bold and italic, and subheadings regular otherwise', () => {
    const a = paragraphWithText(docx.body, /^a\) Kết quả đánh giá/);
    const runs = all(a, 'w:r');
    const boldRun = runs.find((r) => textOf(r) === 'đạt 88,72 điểm')!;
    expect(runProps(docx.styles, boldRun).bold).toBe(true);
    expect(runProps(docx.styles, runs[0]!).bold ?? false).toBe(false);
    expect(runProps(docx.styles, runs[0]!).italic ?? false).toBe(false);
    const b = paragraphWithText(docx.body, 'b) Các sở, ban, ngành:');
    expect(runProps(docx.styles, first(b, 'w:r')!).italic).toBe(true);
  });

  it('writes a real footnote referenced right after its run', () => {
    const notes = docx.part('word/footnotes.xml');
    const note = kids(notes, 'w:footnote').find((f) => !f.attrs['w:type'])!;
    expect(textOf(note).trim()).toBe(FOOTNOTE_001);
    const id = note.attrs['w:id'];
    const ref = all(docx.body, 'w:footnoteReference').find((r) => r.attrs['w:id'] === id)!;
    expect(ref).toBeDefined();
    const run = ref.parent!;
    const p = run.parent!;
    const before = kids(p, 'w:r')[kids(p, 'w:r').indexOf(run) - 1]!;
    expect(textOf(before)).toMatch(/\(tính đến ngày 14\/11\/2025\)$/);
    const fp = first(note, 'w:p')!;
    const fr = runProps(docx.styles, all(fp, 'w:r').at(-1)!);
    expect(fr.size).toBeGreaterThanOrEqual(20);
    expect(fr.size).toBeLessThanOrEqual(24);
    expect(paragraphProps(docx.styles, fp).align).toBe('both');
    expect(docx.files.get('[Content_Types].xml')).toContain('footnotes');
  });

  it('escapes "&" exactly once', () => {
    expect(xml).toContain('TT CN &amp; Cổng TTĐT tỉnh đăng tải');
    expect(xml).not.toContain('&amp;amp;');
    expect(textOf(paragraphWithText(docx.body, /đăng tải Báo cáo/))).toBe('TT CN & Cổng TTĐT tỉnh đăng tải Báo cáo này./.');
    expect(xml).toContain('UBND xã Ea Ly &amp; Sông Cầu số 1<');
  });
});

describe('signature', () => {
  const sig = (): XmlElement => tables()[1]!;

  it('is a borderless one-row table with the header columns', () => {
    const tbl = sig();
    expect(rows(tbl)).toHaveLength(1);
    expect(all(kid(tbl, 'w:tblGrid')!, 'w:gridCol').map((g) => num(g, 'w:w'))).toEqual([3686, 5669]);
    for (const b of kid(kid(tbl, 'w:tblPr')!, 'w:tblBorders')!.children as XmlElement[]) expect(b.attrs['w:val']).toMatch(/^(none|nil)$/);
    expect(kid(kid(tbl, 'w:tblPr')!, 'w:tblLayout')!.attrs['w:type']).toBe('fixed');
  });

  it('has "Nơi nhận:" 12 pt bold italic and items "- ..." 11 pt, single spaced with a hanging indent', () => {
    const [label, ...items] = paras(cells(rows(sig())[0]!)[0]!);
    expect(textOf(label!)).toBe('Nơi nhận:');
    expect(runOf(label!)).toMatchObject({ size: 24, bold: true, italic: true });
    expect(items).toHaveLength(baoCaoModel().signature.recipients.length);
    for (const item of items) {
      expect(textOf(item)).toMatch(/^- /);
      const r = runOf(item);
      expect(r.size).toBe(22);
      expect(r.bold ?? false).toBe(false);
      const pr = props(item);
      expect(pr.before ?? 0).toBe(0);
      expect(pr.after ?? 0).toBe(0);
      expect(pr.line ?? 240).toBe(240);
      expect(pr.hanging).toBeGreaterThanOrEqual(100);
      expect(pr.hanging).toBeLessThanOrEqual(200);
    }
    expect(textOf(items.at(-1)!)).toBe('- Lưu: VT, PVHCC (B_02b).');
  });

  it('has the title lines bold and centred, a gap of 4–5 lines, then the name 14 pt bold', () => {
    const ps = paras(cells(rows(sig())[0]!)[1]!);
    expect(ps.slice(0, 2).map(textOf)).toEqual(['KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG']);
    for (const p of ps.slice(0, 2)) {
      expect(runOf(p).bold).toBe(true);
      expect([26, 28]).toContain(runOf(p).size);
      expect(props(p).align).toBe('center');
    }
    const gap = ps.slice(2, -1);
    expect(gap.length).toBeGreaterThanOrEqual(4);
    expect(gap.length).toBeLessThanOrEqual(5);
    for (const p of gap) expect(textOf(p)).toBe('');
    const name = ps.at(-1)!;
    expect(textOf(name)).toBe('Cao Như Khánh');
    expect(runOf(name)).toMatchObject({ size: 28, bold: true });
    expect(props(name).align).toBe('center');
  });

  it('keeps the last body paragraph with the signature, and no other', () => {
    const body = kids(docx.body, 'w:p').filter((p) => kid(kid(p, 'w:pPr'), 'w:keepNext'));
    const beforeSignature = kids(docx.body, 'w:tbl')[1]!;
    const index = docx.body.children.indexOf(beforeSignature);
    const prev = docx.body.children.slice(0, index).filter((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:p').at(-1)!;
    expect(body).toEqual([prev]);
  });

  it('keeps the gap and drops the name paragraph when the name is empty', async () => {
    const model = baoCaoModel();
    const d = openDocx(await renderDocx({ ...model, signature: { ...model.signature, name: '' }, appendices: [] }));
    const ps = kids(kids(kids(kids(d.body, 'w:tbl')[1]!, 'w:tr')[0]!, 'w:tc')[1]!, 'w:p');
    expect(ps).toHaveLength(2 + 5);
    expect(ps.slice(2).every((p) => textOf(p) === '')).toBe(true);
  });
});

describe('page numbers', () => {
  it('hides the number on the first page and centres a PAGE field in the default header', () => {
    const sect = all(docx.body, 'w:sectPr')[0]!;
    expect(kid(sect, 'w:titlePg')).toBeDefined();
    const rels = parseXml(docx.files.get('word/_rels/document.xml.rels')!);
    const target = (id: string): string => 'word/' + kids(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
    const refs = kids(sect, 'w:headerReference');
    const def = docx.part(target(refs.find((r) => r.attrs['w:type'] === 'default')!.attrs['r:id']!));
    const firstHdr = docx.part(target(refs.find((r) => r.attrs['w:type'] === 'first')!.attrs['r:id']!));
    const instr = (h: XmlElement): string =>
      all(h, 'w:instrText').map((i) => String(i.children[0] ?? '')).join('') + all(h, 'w:fldSimple').map((f) => f.attrs['w:instr']).join('');
    expect(instr(def)).toMatch(/\bPAGE\b/);
    expect(instr(firstHdr)).toBe('');
    const p = first(def, 'w:p')!;
    expect(paragraphProps(docx.styles, p).align).toBe('center');
    expect([26, 28]).toContain(paragraphProps(docx.styles, p).size);
  });
});
