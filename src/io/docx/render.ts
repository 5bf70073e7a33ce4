/**
 * renderDocx: a DocumentModel as a Nghị định 30 .docx (A4, Times New Roman).
 *
 * Section 1 holds the first-page header table, the Báo cáo title block, Kính gửi, the body and the
 * signature table; each appendix is a section of its own that starts on a new page with its page
 * numbers from 1. Every section hides the number on its first page and centres it in the header of
 * the others.
 *
 * The document is built with the docx package, except the appendix tables and the charts, which are
 * written as XML (appendix-table.ts, chart.ts) and put in place of marker paragraphs after packing,
 * the charts' parts added to the package (splice.ts).
 */
import { randomBytes } from 'node:crypto';
import { Document, Packer, type FileChild, type ISectionOptions } from 'docx';
import type { DocumentModel } from '../../core/documents/model.js';
import { appendixHeading, appendixLabel, appendixTableHeading, markerParagraph } from './appendix.js';
import { appendixTableXml } from './appendix-table.js';
import { bodyBlocks, Charts, Footnotes } from './body.js';
import { chartParagraphXml, chartParts, chartRelId } from './chart.js';
import { headerTable } from './header-table.js';
import { kinhGui } from './kinh-gui.js';
import { geometryOf, pageHeaders, sectionEndParagraph, sectionProperties } from './page.js';
import { coreProperties } from './properties.js';
import { signatureTable } from './signature.js';
import { spliceDocx, type PackageAdditions, type Splice } from './splice.js';
import { documentStyles, STYLE } from './styles.js';
import { titleBlock } from './title-block.js';

export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const geometry = geometryOf(model);
  const footnotes = new Footnotes();
  const nonce = randomBytes(8).toString('hex');
  const charts = new Charts(nonce);

  const main: FileChild[] = [headerTable(model, geometry)];
  if (model.title) main.push(...titleBlock(model.title, geometry));
  main.push(...kinhGui(model.recipients ?? [], geometry.bodySize));
  main.push(...bodyBlocks(model.body, footnotes, charts));
  main.push(signatureTable(model.signature, geometry));
  // Also without appendices: Word adds a full-size paragraph after a table that ends the body.
  main.push(sectionEndParagraph());

  const sections: ISectionOptions[] = [
    { properties: sectionProperties(geometry), headers: pageHeaders(), children: main },
  ];

  const splices: Splice[] = [];
  const added: PackageAdditions = { parts: [], relationships: [] };
  charts.list.forEach(({ marker, chart }, i) => {
    const n = i + 1;
    splices.push({ marker, xml: chartParagraphXml(chart, chartRelId(n), n, geometry.textWidth, STYLE.chart) });
    const parts = chartParts(chart, n);
    added.parts.push(...parts.parts);
    added.relationships.push(...parts.relationships);
  });
  model.appendices.forEach((appendix, i) => {
    const width = appendix.landscape ? geometry.landscapeTextWidth : geometry.textWidth;
    const children: FileChild[] = appendixHeading(appendix, width);
    appendix.tables.forEach(({ heading, table }, t) => {
      // A paragraph between two tables, else Word joins them into one.
      if (heading || t > 0) children.push(appendixTableHeading(heading ?? ''));
      if (table.columns.length === 0) return;
      const marker = `DAKINDEX-APPENDIX-TABLE-${nonce}-${i}-${t}`;
      children.push(markerParagraph(marker));
      splices.push({ marker, xml: appendixTableXml(table, width, appendixLabel(appendix)) });
    });
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
  return spliceDocx(packed, splices, added);
}
