/**
 * Schema validation (ISO/IEC 29500 transitional, with xmllint) of the parts of rendered documents,
 * and Word's extra table rules.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/io/docx/render.js';
import { unzipDocx } from '../helpers/docx-xml.js';
import { partsToValidate, stripIgnorable, validateDocx, validatePart, wordTableRules, xmllintAvailable } from '../helpers/ooxml-validate.js';
import { allGenerated } from './generated.js';
import { appendix, baoCaoModel, congVanModel, rankingTable } from './sample-model.js';

beforeAll(() => {
  if (!xmllintAvailable()) throw new Error('xmllint is needed for these tests (Debian package libxml2-utils)');
});

describe('the validator itself', () => {
  const minimal = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"><w:body>${body}</w:body></w:document>`;

  it('accepts a valid part and rejects an invalid one', () => {
    expect(validatePart('document.xml', minimal('<w:p><w:r><w:t>x</w:t></w:r></w:p>')).ok).toBe(true);
    const bad = validatePart('document.xml', minimal('<w:p><w:bogus/></w:p>'));
    expect(bad.ok).toBe(false);
    expect(bad.errors).toMatch(/bogus/);
  });

  it('removes what mc:Ignorable marks before validating', () => {
    const xml = minimal('<w:p w14:paraId="1A2B3C4D"><w14:foo/><w:r><w:t>A &amp; B</w:t></w:r></w:p>');
    const stripped = stripIgnorable(xml);
    expect(stripped).not.toMatch(/w14:paraId|w14:foo|mc:Ignorable/);
    expect(stripped).toContain('A &amp; B');
    expect(validatePart('document.xml', xml).ok).toBe(true);
  });

  it("reports Word's table rules", () => {
    expect(wordTableRules(minimal('<w:tbl><w:tr></w:tr></w:tbl>'))).toEqual(['row 0 has no w:tc']);
    expect(wordTableRules(minimal('<w:tbl><w:tr><w:tc><w:tbl/></w:tc></w:tr></w:tbl>'))).toContain('cell 0 ends with w:tbl');
  });
});

describe('rendered documents', () => {
  it('validates every part of the Báo cáo sample', async () => {
    const docx = await renderDocx(baoCaoModel());
    const parts = partsToValidate(unzipDocx(docx));
    expect(parts).toEqual(expect.arrayContaining(['word/document.xml', 'word/styles.xml', 'word/footnotes.xml', 'word/header1.xml']));
    expect(validateDocx(docx)).toEqual([]);
  });

  it('validates every part of the Công văn sample', async () => {
    expect(validateDocx(await renderDocx(congVanModel()))).toEqual([]);
  });

  it('validates edge cases: no name, one recipient, empty and wide appendix tables, odd text', async () => {
    const base = baoCaoModel();
    const model = {
      ...base,
      recipients: ['Ủy ban nhân dân tỉnh <Đắk Lắk> & "các sở"'],
      signature: { ...base.signature, name: '', recipients: [] },
      body: [...base.body, { type: 'dash' as const, runs: [] }, { type: 'paragraph' as const, runs: [{ text: 'tab\there\u0007bell' }] }],
      appendices: [
        appendix('I', '', false, rankingTable(0)),
        appendix('', 'Bảng rộng', true, { columns: rankingTable(1).columns, rows: [['1', 'Dòng\nhai dòng', '', '<b>&amp;</b>']] }),
      ],
    };
    expect(validateDocx(await renderDocx(model))).toEqual([]);
  });

  it('validates every document kind written from the fixtures (non-breaking hyphens, spaces, URL breaks included)', async () => {
    for (const d of await allGenerated()) expect(validateDocx(d.buffer), d.kind).toEqual([]);
  }, 120_000);
});
