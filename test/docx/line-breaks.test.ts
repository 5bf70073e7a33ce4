/**
 * Where lines may not break (issue 8, point 5): inside a số, ký hiệu (w:noBreakHyphen), after
 * "Đ/c", inside a listed place name (non-breaking spaces); Kính gửi lines are not stretched, and a
 * URL offers break opportunities so that the line before it is not stretched either.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_BREAK_HYPHEN, NO_BREAK_SPACE, withLineBreakRules, ZERO_WIDTH_SPACE } from '../../src/io/docx/line-breaks.js';
import { renderDocx } from '../../src/io/docx/render.js';
import { STYLE } from '../../src/io/docx/styles.js';
import { all, kid, markedText, openDocx, paragraphProps, type Docx, type XmlElement } from '../helpers/docx-xml.js';
import { asRead } from '../helpers/seeds.js';
import { allGenerated, generated, type Generated } from './generated.js';
import { congVanModel } from './sample-model.js';

let docs: Generated[];
beforeAll(async () => {
  docs = await allGenerated();
}, 120_000);

/** Every paragraph of the document and its footnotes, with the writer's marks (U+2011 for w:noBreakHyphen). */
function markedParagraphs(d: Docx): string[] {
  const parts = [d.body, ...(d.files.has('word/footnotes.xml') ? [d.part('word/footnotes.xml')] : [])];
  return parts.flatMap((root) => all(root, 'w:p').map(markedText));
}
const styleOf = (p: XmlElement) => kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'];

describe('the rules on text', () => {
  it('makes the hyphens of a số, ký hiệu non-breaking, and only those', () => {
    const h = NO_BREAK_HYPHEN;
    expect(withLineBreakRules('Công văn số 1541/UBND-KSTTHC ngày 27/02/2024')).toBe(`Công văn số 1541/UBND${h}KSTTHC ngày 27/02/2024`);
    expect(withLineBreakRules('Quyết định số 766/QĐ-TTg;')).toBe(`Quyết định số 766/QĐ${h}TTg;`);
    expect(withLineBreakRules('Nghị định 30/2020/NĐ-CP.')).toBe(`Nghị định 30/2020/NĐ${h}CP.`);
    expect(withLineBreakRules('Số:      /BC-VPUBND')).toBe(`Số:      /BC${h}VPUBND`);
    expect(withLineBreakRules('(Kèm theo Công văn số /VPUBND-KSTTHC-X ngày)')).toBe(`(Kèm theo Công văn số /VPUBND${h}KSTTHC${h}X ngày)`);
    for (const plain of ['Sở Lao động - Thương binh và Xã hội', 'Độc lập - Tự do - Hạnh phúc', 'COVID-19', 'ngày 27/02/2024', 'Hà - PCT UBND']) {
      expect(withLineBreakRules(plain)).toBe(plain);
    }
  });

  it('keeps "Đ/c", "đ/c" with the name after it', () => {
    const s = NO_BREAK_SPACE;
    expect(withLineBreakRules('Đ/c Nguyễn Tuấn Hà - PCT UBND tỉnh (B/c);')).toBe(`Đ/c${s}Nguyễn Tuấn Hà - PCT UBND tỉnh (B/c);`);
    expect(withLineBreakRules('CVP, PCVP UBND tỉnh (đ/c Khánh);')).toBe(`CVP, PCVP UBND tỉnh (đ/c${s}Khánh);`);
    expect(withLineBreakRules('Đ/c')).toBe('Đ/c');
    // A name left blank to fill by hand keeps its width.
    expect(withLineBreakRules('(đ/c       );')).toBe(`(đ/c${s}      );`);
  });

  it('lets a URL break after "//" and before "." and "/", and leaves the punctuation after it alone', () => {
    const z = ZERO_WIDTH_SPACE;
    expect(withLineBreakRules('là Cổng Dịch vụ công quốc gia: https://quantri.dichvucong.gov.vn.')).toBe(
      `là Cổng Dịch vụ công quốc gia: https://${z}quantri${z}.dichvucong${z}.gov${z}.vn.`,
    );
    expect(withLineBreakRules('(https://dichvucong.gov.vn/p/home-page), tại')).toBe(
      `(https://${z}dichvucong${z}.gov${z}.vn${z}/p${z}/home${NO_BREAK_HYPHEN}page), tại`,
    );
    expect(asRead(withLineBreakRules('xem https://a.vn/b-c.'))).toBe('xem https://a.vn/b\u2011c.');
  });
});

describe('in every document kind', () => {
  const SYMBOL_WITH_PLAIN_HYPHEN = /(?<![\p{L}\p{N}])[\p{L}\p{N}]*(?:\/[\p{L}\p{N}]+)+-[\p{L}\p{N}]/u;

  it('leaves no breakable hyphen inside a số, ký hiệu', () => {
    for (const d of docs) {
      const paragraphs = markedParagraphs(d.docx);
      for (const p of paragraphs) expect(p, d.kind).not.toMatch(SYMBOL_WITH_PLAIN_HYPHEN);
      // The Số line of the header.
      expect(paragraphs.find((p) => p.startsWith('Số:')), d.kind).toMatch(/\/[A-ZĐ]+\u2011[A-Z]+$/u);
    }
  });

  it('writes the symbols the templates cite with a non-breaking hyphen', async () => {
    for (const kind of ['weekly', 'monthly', 'quarterly', 'yearly', 'publish', 'low-score']) {
      expect(markedParagraphs((await generated(kind)).docx).join('\n'), kind).toContain(`766/QĐ${NO_BREAK_HYPHEN}TTg`);
    }
    expect(markedParagraphs((await generated('publish')).docx).join('\n')).toContain(`1541/UBND${NO_BREAK_HYPHEN}KSTTHC`);
  });

  it('puts a non-breaking space after every "Đ/c", "đ/c"', () => {
    let kept = 0;
    for (const d of docs) {
      for (const p of markedParagraphs(d.docx)) {
        expect(p, d.kind).not.toMatch(/[Đđ]\/c /u);
        kept += (p.match(/[Đđ]\/c\u00A0/gu) ?? []).length;
      }
    }
    expect(kept).toBeGreaterThanOrEqual(docs.length);
  });

  it('sets the Kính gửi lines left-aligned, a single one centred: never justified', async () => {
    let lines = 0;
    const single = openDocx(await renderDocx({ ...congVanModel(), recipients: ['Ủy ban nhân dân tỉnh Đắk Lắk'] }));
    for (const d of [...docs.map((g) => g.docx), single]) {
      for (const p of all(d.body, 'w:p').filter((x) => styleOf(x) === STYLE.kinhGui)) {
        expect(['left', 'start', 'center']).toContain(paragraphProps(d.styles, p).align);
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(10);
  });

  it('gives every URL its break opportunities, invisible to the reader', () => {
    let urls = 0;
    for (const d of docs) {
      for (const p of markedParagraphs(d.docx)) {
        for (const m of p.matchAll(/https?:\/\/[^\s,)]+/gu)) {
          expect(m[0], d.kind).toMatch(/^https?:\/\/\u200B/u);
          expect(m[0].replace(/\u200B/g, '')).toMatch(/^https:\/\/(quantri\.)?dichvucong\.gov\.vn\.?$/);
          urls++;
        }
      }
    }
    expect(urls).toBeGreaterThanOrEqual(5);
  });
});

describe('listed place names in the low-score letter', () => {
  const NAMES = ['Ea Ly', 'Sông Cầu', 'Xuân Cảnh', 'Dur Kmăl', 'Xuân Lộc', 'Vụ Bổn', 'Ea Drăng'];

  it('keep each name on one line in the Kính gửi list and in the footnote', async () => {
    const d = (await generated('low-score')).docx;
    const kinhGui = all(d.body, 'w:p').filter((p) => styleOf(p) === STYLE.kinhGui).map(markedText);
    const footnotes = all(d.part('word/footnotes.xml'), 'w:p').map(markedText).join('\n');
    const list = kinhGui.filter((t) => t.includes('phường, xã:'));
    expect(list).toHaveLength(2);
    for (const text of [...list, footnotes]) {
      for (const name of NAMES) {
        expect(text).toContain(name.replace(' ', NO_BREAK_SPACE));
        expect(text).not.toContain(name);
      }
    }
    expect(footnotes).toContain(`UBND xã Ea${NO_BREAK_SPACE}Drăng đạt 84,54 điểm`);
  });
});
