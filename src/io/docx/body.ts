/**
 * The content (ô 6): khoản headings, điểm, body paragraphs and "-" / "+" items, all justified with a
 * first-line indent (style STYLE.body / STYLE.heading). Runs carry only bold and italic; a run with
 * a footnote is followed by a real Word footnote reference. A chart stands in a marker paragraph
 * that render.ts replaces with the chart's drawing (chart.ts).
 */
import { FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import type { Block, Chart, Inline, TextBlock } from '../../core/documents/model.js';
import { markerParagraph } from './appendix.js';
import { STYLE } from './styles.js';
import { nfc, withPrefix } from './text.js';
import { textRun } from './line-breaks.js';

/** The document's footnotes, numbered from 1 in the order their references appear. */
export class Footnotes {
  private readonly notes: Record<string, { children: Paragraph[] }> = {};
  private count = 0;

  /** Adds a footnote and gives the id its reference refers to. */
  add(text: string): number {
    const id = ++this.count;
    this.notes[String(id)] = {
      children: [new Paragraph({ style: STYLE.footnoteText, children: [textRun(` ${text}`)] })],
    };
    return id;
  }

  get size(): number {
    return this.count;
  }

  /** The `footnotes` option of docx's Document. */
  toOptions(): Record<string, { children: Paragraph[] }> {
    return this.notes;
  }
}

/** The document's charts, in body order, each with the marker paragraph that holds its place. */
export class Charts {
  readonly list: { marker: string; chart: Chart }[] = [];

  constructor(private readonly nonce: string) {}

  /** Adds a chart and gives the marker of its paragraph. */
  add(chart: Chart): string {
    const marker = `DAKINDEX-CHART-${this.nonce}-${this.list.length + 1}`;
    this.list.push({ marker, chart });
    return marker;
  }
}

const PREFIX: Partial<Record<Block['type'], string>> = { dash: '- ', plus: '+ ' };

function runsOf(inlines: readonly Inline[], prefix: string | undefined, footnotes: Footnotes): (TextRun | FootnoteReferenceRun)[] {
  const children: (TextRun | FootnoteReferenceRun)[] = [];
  if (inlines.length === 0 && prefix) children.push(textRun(prefix));
  inlines.forEach((inline, i) => {
    const text = i === 0 && prefix ? withPrefix(prefix, inline.text) : nfc(inline.text);
    children.push(
      textRun(text, {
        ...(inline.bold !== undefined ? { bold: inline.bold } : {}),
        ...(inline.italic !== undefined ? { italics: inline.italic } : {}),
      }),
    );
    if (inline.footnote !== undefined && inline.footnote.trim() !== '') {
      children.push(new FootnoteReferenceRun(footnotes.add(inline.footnote)));
    }
  });
  return children;
}

export function bodyParagraph(block: TextBlock, footnotes: Footnotes, keepNext = false): Paragraph {
  return new Paragraph({
    style: block.type === 'heading' ? STYLE.heading : STYLE.body,
    children: runsOf(block.runs, PREFIX[block.type], footnotes),
    ...(keepNext ? { keepNext: true } : {}),
  });
}

/**
 * The body; its last paragraph keeps with the signature, which never stands alone on a page, and
 * the paragraph before a chart keeps with the chart.
 */
export function bodyBlocks(blocks: readonly Block[], footnotes: Footnotes, charts: Charts): Paragraph[] {
  return blocks.map((b, i) => {
    if (b.type === 'chart') return markerParagraph(charts.add(b.chart));
    return bodyParagraph(b, footnotes, i === blocks.length - 1 || blocks[i + 1]?.type === 'chart');
  });
}
