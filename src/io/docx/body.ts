/**
 * The content (ô 6): khoản headings, điểm, body paragraphs and "-" / "+" items, all justified with a
 * first-line indent (style STYLE.body / STYLE.heading). Runs carry only bold and italic; a run with
 * a footnote is followed by a real Word footnote reference.
 */
import { FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import type { Block, Inline } from '../../core/documents/model.js';
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

export function bodyParagraph(block: Block, footnotes: Footnotes, keepNext = false): Paragraph {
  return new Paragraph({
    style: block.type === 'heading' ? STYLE.heading : STYLE.body,
    children: runsOf(block.runs, PREFIX[block.type], footnotes),
    ...(keepNext ? { keepNext: true } : {}),
  });
}

/** The body; its last paragraph keeps with the signature, which never stands alone on a page. */
export function bodyBlocks(blocks: readonly Block[], footnotes: Footnotes): Paragraph[] {
  return blocks.map((b, i) => bodyParagraph(b, footnotes, i === blocks.length - 1));
}
