/**
 * Puts directly-written XML (the appendix tables, the charts' paragraphs) into the .docx that docx
 * packed: each marker paragraph of word/document.xml is replaced by its XML; parts docx cannot
 * write (the charts) are added with their content types and document.xml's relationships to them;
 * the package is zipped again with the other files' bytes unchanged.
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
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';

/** A part to add to the package. */
export interface PackagePart {
  name: string;
  data: Buffer;
  /** Its content type (an Override); none for a .rels part, which the package's Default covers. */
  contentType?: string;
}

/** Parts to add, and the relationships of document.xml that reach them. */
export interface PackageAdditions {
  parts: PackagePart[];
  relationships: { id: string; type: string; target: string }[];
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** `xml` with `insert` put before its closing `</tag>`. */
function beforeClose(xml: string, tag: string, insert: string, part: string): string {
  const at = xml.lastIndexOf(`</${tag}>`);
  if (at < 0) throw new Error(`no </${tag}> in ${part}`);
  return xml.slice(0, at) + insert + xml.slice(at);
}

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

export function spliceDocx(docx: Buffer, splices: readonly Splice[], added: PackageAdditions = { parts: [], relationships: [] }): Buffer {
  if (splices.length === 0 && added.parts.length === 0) return docx;
  const entries = readZip(docx);
  const edit = (name: string, change: (xml: string) => string): void => {
    const i = entries.findIndex((e) => e.name === name);
    if (i < 0) throw new Error(`${name} missing from the package`);
    entries[i] = deflatedEntry(name, Buffer.from(change(fileData(entries[i]!).toString('utf8')), 'utf8'));
  };
  if (splices.length) edit(DOCUMENT, (xml) => spliceParts(xml, splices).join(''));
  if (added.parts.length) {
    for (const p of added.parts) {
      if (entries.some((e) => e.name === p.name)) throw new Error(`${p.name} is already in the package`);
      entries.push(deflatedEntry(p.name, p.data));
    }
    const overrides = added.parts
      .filter((p) => p.contentType)
      .map((p) => `<Override PartName="/${escapeAttr(p.name)}" ContentType="${escapeAttr(p.contentType!)}"/>`)
      .join('');
    edit(CONTENT_TYPES, (xml) => beforeClose(xml, 'Types', overrides, CONTENT_TYPES));
  }
  if (added.relationships.length) {
    const rels = added.relationships
      .map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`)
      .join('');
    edit(DOCUMENT_RELS, (xml) => beforeClose(xml, 'Relationships', rels, DOCUMENT_RELS));
  }
  return writeZip(entries);
}
