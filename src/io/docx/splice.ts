/**
 * Puts directly-written XML (the appendix tables) into the .docx that docx packed: each marker
 * paragraph of word/document.xml is replaced by its XML, and the package is zipped again with the
 * other files' bytes unchanged.
 */
import { deflatedEntry, fileData, readZip, writeZip } from '../zip.js';
import { STYLE } from './styles.js';

export interface Splice {
  /** Text of a paragraph of its own in document.xml (no XML special characters). */
  marker: string;
  /** What goes in that paragraph's place. */
  xml: string;
}

const DOCUMENT = 'word/document.xml';

/**
 * docx ends a section inside its last paragraph (w:pPr/w:sectPr), which may be the marker's. The
 * section break is then kept in an empty paragraph of its own after the table, in the 1 pt style
 * STYLE.sectionEnd so that it cannot push a page of its own (see page.ts sectionEndParagraph). A
 * table that ends the body gets the same paragraph, else Word adds a full-size one after it.
 */
function sectionEndAfter(paragraph: string, endsBody: boolean): string {
  const from = paragraph.indexOf('<w:sectPr');
  if (from < 0) return endsBody ? `<w:p><w:pPr><w:pStyle w:val="${STYLE.sectionEnd}"/></w:pPr></w:p>` : '';
  const to = paragraph.indexOf('</w:sectPr>', from);
  if (to < 0) throw new Error('unclosed w:sectPr in a marker paragraph');
  const sectPr = paragraph.slice(from, to + '</w:sectPr>'.length);
  return `<w:p><w:pPr><w:pStyle w:val="${STYLE.sectionEnd}"/>${sectPr}</w:pPr></w:p>`;
}

/** Replaces each marker's paragraph in a document.xml string: the parts to join, in order. */
export function spliceParts(documentXml: string, splices: readonly Splice[]): string[] {
  const found = splices
    .map((s) => {
      const at = documentXml.indexOf(s.marker);
      if (at < 0) throw new Error(`marker ${s.marker} not found in ${DOCUMENT}`);
      const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
      const close = documentXml.indexOf('</w:p>', at);
      if (start < 0 || close < 0) throw new Error(`marker ${s.marker} is not inside a paragraph`);
      const end = close + '</w:p>'.length;
      const endsBody = documentXml.startsWith('<w:sectPr', end) || documentXml.startsWith('</w:body>', end);
      return { start, end, xml: s.xml + sectionEndAfter(documentXml.slice(start, end), endsBody) };
    })
    .sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let from = 0;
  for (const f of found) {
    parts.push(documentXml.slice(from, f.start), f.xml);
    from = f.end;
  }
  parts.push(documentXml.slice(from));
  return parts;
}

export function spliceDocx(docx: Buffer, splices: readonly Splice[]): Buffer {
  if (splices.length === 0) return docx;
  const entries = readZip(docx);
  const i = entries.findIndex((e) => e.name === DOCUMENT);
  if (i < 0) throw new Error(`${DOCUMENT} missing from the package`);
  const parts = spliceParts(fileData(entries[i]!).toString('utf8'), splices);
  const data = Buffer.concat(parts.map((p) => Buffer.from(p, 'utf8')));
  entries[i] = deflatedEntry(DOCUMENT, data);
  return writeZip(entries);
}
