/**
 * renderDocx: a DocumentModel as a Nghị định 30 .docx (A4, Times New Roman).
 *
 * Section 1 holds the first-page header table, the Báo cáo title block, Kính gửi, the body and the
 * signature table; each appendix is a section of its own that starts on a new page with its page
 * numbers from 1. Every section hides the number on its first page and centres it in the header of
 * the others.
 *
 * The document is built with the docx package, except the appendix tables, which are written as XML
 * (appendix-table.ts) and put in place of marker paragraphs after packing (splice.ts).
 */
import { randomBytes } from 'node:crypto';
import { Document, Packer, type FileChild, type ISectionOptions } from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import { appendixHeading, appendixLabel, markerParagraph } from './appendix.js';
import { appendixTableXml } from './appendix-table.js';
import { bodyBlocks, Footnotes } from './body.js';
import { headerTable } from './header-table.js';
import { kinhGui } from './kinh-gui.js';
import { geometryOf, pageHeaders, sectionEndParagraph, sectionProperties } from './page.js';
import { coreProperties } from './properties.js';
import { signatureTable } from './signature.js';
import { spliceDocx, type Splice } from './splice.js';
import { documentStyles } from './styles.js';
import { titleBlock } from './title-block.js';

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const geometry = geometryOf(model);
  const footnotes = new Footnotes();

  const main: FileChild[] = [headerTable(model, geometry)];
  if (model.title) main.push(...titleBlock(model.title, geometry));
  main.push(...kinhGui(model.recipients ?? [], geometry.bodySize));
  main.push(...bodyBlocks(model.body, footnotes));
  main.push(signatureTable(model.signature, geometry));
  // Also without appendices: Word adds a full-size paragraph after a table that ends the body.
  main.push(sectionEndParagraph());

  const sections: ISectionOptions[] = [
    { properties: sectionProperties(geometry), headers: pageHeaders(), children: main },
  ];

  const nonce = randomBytes(8).toString('hex');
  const splices: Splice[] = [];
  model.appendices.forEach((appendix, i) => {
    const width = appendix.landscape ? geometry.landscapeTextWidth : geometry.textWidth;
    const children: FileChild[] = appendixHeading(appendix, width);
    if (appendix.table.columns.length > 0) {
      const marker = `DAKINDEX-APPENDIX-TABLE-${nonce}-${i}`;
      children.push(markerParagraph(marker));
      splices.push({ marker, xml: appendixTableXml(appendix.table, width, appendixLabel(appendix)) });
    }
    sections.push({
      properties: sectionProperties(geometry, { landscape: appendix.landscape, restartNumbering: true }),
      headers: pageHeaders(),
      children,
    });
  });

  const doc = new Document({
    ...coreProperties(model),
    styles: documentStyles({ bodySize: geometry.bodySize, quocHieuSize: geometry.quocHieuSize }),
    footnotes: footnotes.toOptions(),
    sections,
  });
  const packed = await Packer.toBuffer(doc);
  return spliceDocx(packed, splices);
}
