/**
 * What Word shows of a document besides its text (issue 8, point 6): the language of every run,
 * the core properties, the minimal paragraph that ends the main section, and the space between the
 * trích yếu (or Tiêu ngữ) and the rule under it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/io/docx/render.js';
import { RULE_BEFORE_DESCENDERS, ruleSpacingBefore } from '../../src/io/docx/rules.js';
import { RULE_BEFORE, STYLE } from '../../src/io/docx/styles.js';
import { all, elements, kid, kids, openDocx, paragraphProps, parseXml, textOf, type Docx, type XmlElement } from '../helpers/docx-xml.js';
import { asRead } from '../helpers/seeds.js';
import { allGenerated, generated, type Generated } from './generated.js';
import { baoCaoModel, congVanModel } from './sample-model.js';

let docs: Generated[];
beforeAll(async () => {
  docs = await allGenerated();
}, 120_000);

describe('language', () => {
  it('sets vi-VN in the document defaults, which every style and run inherits', async () => {
    for (const docx of [...docs.map((d) => d.docx), openDocx(await renderDocx(congVanModel()))]) {
      const rPr = kid(kid(kid(docx.styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
      expect(kid(rPr, 'w:lang')?.attrs['w:val']).toBe('vi-VN');
    }
  });

  it('has no other language anywhere in the package', () => {
    for (const d of docs) {
      for (const [name, xml] of d.docx.files) {
        if (!name.endsWith('.xml')) continue;
        for (const lang of all(parseXml(xml), 'w:lang')) expect(lang.attrs['w:val'], `${d.kind} ${name}`).toBe('vi-VN');
      }
    }
  });
});

describe('core properties', () => {
  const core = (d: Docx) => {
    const root = parseXml(d.files.get('docProps/core.xml')!);
    const text = (name: string) => kid(root, name)?.children.join('') ?? '';
    return { creator: text('dc:creator'), lastModifiedBy: text('cp:lastModifiedBy'), title: text('dc:title') };
  };
  /** The trích yếu as printed: the Báo cáo's summary lines, or the V/v lines under Số. */
  const printedSummary = (d: Docx) => {
    const summary = all(d.body, 'w:p').filter((p) => kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === STYLE.titleSummary);
    const lines = summary.length ? summary : all(d.body, 'w:p').filter((p) => kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === STYLE.subject);
    return lines.map((p) => asRead(textOf(p))).join(' ');
  };

  it('name the office as author and the trích yếu as title', () => {
    const office = 'VĂN PHÒNG UBND TỈNH ĐẮK LẮK';
    const committee = 'ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK';
    const authors = Object.fromEntries(docs.map((d) => [d.kind, core(d.docx).creator]));
    expect(authors).toEqual({
      weekly: office,
      'weekly-trend': office,
      monthly: office,
      quarterly: office,
      yearly: office,
      publish: office,
      'low-score': committee,
      'par-sipas': committee,
    });
    for (const d of docs) {
      const c = core(d.docx);
      expect(c.lastModifiedBy).toBe(c.creator);
      expect(asRead(c.title)).toBe(printedSummary(d.docx));
    }
  });

  it('give the period in the title', async () => {
    expect(core((await generated('weekly')).docx).title).toBe(
      'Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử tỉnh Đắk Lắk tuần 02 tháng 11/2025',
    );
    expect(core((await generated('publish')).docx).title).toBe('V/v công khai kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 5/2024');
  });
});

describe('the paragraph that ends a section after a table', () => {
  /** Every paragraph holding a section's properties, and the body's last paragraph (before w:sectPr). */
  const sectionEnds = (d: Docx): XmlElement[] => {
    const inParagraphs = all(d.body, 'w:sectPr')
      .map((s) => s.parent?.parent)
      .filter((p): p is XmlElement => p?.name === 'w:p');
    const top = elements(d.body).filter((e) => e.name !== 'w:sectPr');
    return [...inParagraphs, top.at(-1)!];
  };

  it('is empty, 1 pt, on a 1 pt line with no spacing, right after the table, in every kind', () => {
    for (const d of docs) {
      const ends = sectionEnds(d.docx);
      expect(ends.length, d.kind).toBeGreaterThanOrEqual(1);
      for (const p of ends) {
        expect(p.name).toBe('w:p');
        expect(all(p, 'w:r')).toHaveLength(0);
        const props = paragraphProps(d.docx.styles, p);
        expect(props.size, d.kind).toBeLessThanOrEqual(2);
        expect(props.before ?? 0).toBe(0);
        expect(props.after ?? 0).toBe(0);
        expect(props.lineRule).toBe('exact');
        expect(props.line).toBeLessThanOrEqual(20);
        const top = elements(d.docx.body);
        expect(top[top.indexOf(p) - 1]!.name, d.kind).toBe('w:tbl');
      }
    }
  });

  it('ends the main section right after the signature table', async () => {
    const d = (await generated('weekly')).docx;
    const main = all(d.body, 'w:sectPr')[0]!.parent!.parent!;
    const top = elements(d.body);
    const signature = top[top.indexOf(main) - 1]!;
    expect(textOf(signature)).toContain('Nơi nhận:');
  });
});

describe('space before a rule', () => {
  it('is 6 pt under a line that reaches below the baseline, 3 pt under one that does not', () => {
    expect(ruleSpacingBefore(['trên môi trường điện tử tỉnh Đắk Lắk tuần 02 tháng 11/2025'])).toBe(RULE_BEFORE_DESCENDERS);
    expect(ruleSpacingBefore(['Độc lập - Tự do - Hạnh phúc'])).toBe(RULE_BEFORE_DESCENDERS);
    expect(ruleSpacingBefore(['SỞ NỘI VỤ'])).toBe(RULE_BEFORE_DESCENDERS);
    expect(ruleSpacingBefore(['VĂN PHÒNG'])).toBe(RULE_BEFORE);
    expect(ruleSpacingBefore(['TỈNH ĐẮK LẮK'])).toBe(RULE_BEFORE);
    expect(RULE_BEFORE_DESCENDERS).toBeGreaterThanOrEqual(2 * RULE_BEFORE);
  });

  it('keeps the trích yếu rule and the Tiêu ngữ rule 6 pt under their text', async () => {
    const d = openDocx(await renderDocx(baoCaoModel()));
    const top = kids(d.body, 'w:p');
    const lastSummary = top.filter((p) => kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === STYLE.titleSummary).at(-1)!;
    const rule = top[top.indexOf(lastSummary) + 1]!;
    expect(paragraphProps(d.styles, rule).borderTop).toBe('single');
    expect(paragraphProps(d.styles, rule).before).toBe(RULE_BEFORE_DESCENDERS);
    const tieuNgu = all(d.body, 'w:p').find((p) => textOf(p) === 'Độc lập - Tự do - Hạnh phúc')!;
    const cell = kids(tieuNgu.parent!, 'w:p');
    expect(paragraphProps(d.styles, cell[cell.indexOf(tieuNgu) + 1]!).before).toBe(RULE_BEFORE_DESCENDERS);
    const issuer = all(d.body, 'w:p').find((p) => textOf(p) === 'VĂN PHÒNG')!;
    const left = kids(issuer.parent!, 'w:p');
    expect(paragraphProps(d.styles, left[left.indexOf(issuer) + 1]!).before).toBe(RULE_BEFORE);
  });
});
