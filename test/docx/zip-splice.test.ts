/** The writer's own zip rewriting and the splicing of appendix tables into document.xml. */
import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/io/docx/appendix-table.js';
import { spliceDocx, spliceParts } from '../../src/io/docx/splice.js';
import { STYLE } from '../../src/io/docx/styles.js';
import { deflatedEntry, fileData, readZip, writeZip, ZipFormatError } from '../../src/io/zip.js';
import { unzipDocx } from '../helpers/docx-xml.js';

describe('zip', () => {
  it('writes a zip that an independent reader reads back, stored and deflated entries alike', () => {
    const big = Buffer.from('<a>'.repeat(10000) + 'Đắk Lắk & co' + '</a>'.repeat(10000));
    const stored = { name: 'plain.txt', method: 0, crc: deflatedEntry('x', Buffer.from('hi')).crc, size: 2, stored: Buffer.from('hi') };
    const zip = writeZip([stored, deflatedEntry('word/document.xml', big)]);
    const files = unzipDocx(zip);
    expect(files.get('plain.txt')).toBe('hi');
    expect(files.get('word/document.xml')).toBe(big.toString('utf8'));
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['plain.txt', 'word/document.xml']);
    expect(fileData(entries[1]!).equals(big)).toBe(true);
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(Buffer.from('not a zip at all, not even close to one'))).toThrow(ZipFormatError);
  });
});

describe('splice', () => {
  const doc = (inner: string) => `<w:document><w:body>${inner}</w:body></w:document>`;
  /** The 1 pt paragraph a table that ends the body is given (else Word adds a full-size one). */
  const END = `<w:p><w:pPr><w:pStyle w:val="${STYLE.sectionEnd}"/></w:pPr></w:p>`;

  it('replaces the marker paragraph with the XML', () => {
    const xml = doc('<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">MARK-1</w:t></w:r></w:p><w:p/>');
    expect(spliceParts(xml, [{ marker: 'MARK-1', xml: '<w:tbl/>' }]).join('')).toBe(doc('<w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl/><w:p/>'));
  });

  it('keeps a section break that docx put in the marker paragraph', () => {
    const xml = doc('<w:p><w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr><w:r><w:t>MARK-2</w:t></w:r></w:p>');
    const out = spliceParts(xml, [{ marker: 'MARK-2', xml: '<w:tbl/>' }]).join('');
    expect(out).toBe(doc(`<w:tbl/><w:p><w:pPr><w:pStyle w:val="${STYLE.sectionEnd}"/><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr></w:p>`));
    expect(out).not.toContain('MARK-2');
  });

  it('handles several markers in any order and fails on a missing one', () => {
    const xml = doc('<w:p><w:r><w:t>M1</w:t></w:r></w:p><w:p><w:r><w:t>M2</w:t></w:r></w:p>');
    expect(spliceParts(xml, [{ marker: 'M2', xml: '<B/>' }, { marker: 'M1', xml: '<A/>' }]).join('')).toBe(doc(`<A/><B/>${END}`));
    expect(() => spliceParts(xml, [{ marker: 'M3', xml: '' }])).toThrow(/M3/);
  });

  it('rewrites only document.xml of a package', () => {
    const pkg = writeZip([
      deflatedEntry('[Content_Types].xml', Buffer.from('<Types/>')),
      deflatedEntry('word/document.xml', Buffer.from(doc('<w:p><w:r><w:t>MK</w:t></w:r></w:p>'))),
    ]);
    const files = unzipDocx(spliceDocx(pkg, [{ marker: 'MK', xml: '<w:tbl/>' }]));
    expect(files.get('[Content_Types].xml')).toBe('<Types/>');
    expect(files.get('word/document.xml')).toBe(doc(`<w:tbl/>${END}`));
  });

  it('ends the body after a table with the 1 pt paragraph, before the last section properties too', () => {
    const xml = doc('<w:p><w:r><w:t>MK</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="2"/></w:sectPr>');
    expect(spliceParts(xml, [{ marker: 'MK', xml: '<w:tbl/>' }]).join('')).toBe(doc(`<w:tbl/>${END}<w:sectPr><w:pgSz w:w="2"/></w:sectPr>`));
  });
});

describe('columnWidths', () => {
  it('scales relative widths to the total exactly', () => {
    const w = columnWidths([5, 28, 10, 10, 10], 9355);
    expect(w.reduce((a, b) => a + b, 0)).toBe(9355);
    expect(w[1]! / w[0]!).toBeCloseTo(28 / 5, 1);
    expect(columnWidths([0, -1, Number.NaN], 300)).toEqual([100, 100, 100]);
  });
});
