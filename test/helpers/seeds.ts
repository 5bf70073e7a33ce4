import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { all, kid, openDocx, textOf, type XmlElement } from './docx-xml.js';
import { SHARED } from './ooxml-validate.js';

/** Folds the layout of a text (line wraps, runs of spaces, markdown marks of some seeds) away. */
export function normalize(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\\\*/g, '*')
    .replace(/\\_/g, '_')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/\$\s*([^$]+?)\s*\$/g, '$1')
    .replace(/\*\*/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/^- \+ /gm, '+ ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text of a seed document (shared/seeds/NNN-*.txt), normalised. */
export function seedText(number: string): string {
  const dir = join(SHARED, 'seeds');
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}-`));
  if (!file) throw new Error(`seed ${number} missing`);
  return normalize(readFileSync(join(dir, file), 'utf8'));
}

/**
 * Text as a reader sees it: the writer's non-breaking spaces as spaces, its zero-width break
 * opportunities (in URLs) left out.
 */
export function asRead(text: string): string {
  return text.replace(/\u00A0/g, ' ').replace(/\u200B/g, '');
}

export interface DocxText {
  /** Each paragraph's text, in document order (header table, body, signature, appendices). */
  paragraphs: string[];
  /** All paragraphs joined by spaces, normalised: what a reader of the page sees. */
  text: string;
  footnotes: string[];
  docx: ReturnType<typeof openDocx>;
}

export function docxText(buffer: Buffer): DocxText {
  const docx = openDocx(buffer);
  const paragraphs = all(docx.body, 'w:p').map((p) => asRead(textOf(p)));
  const footnotes = docx.files.has('word/footnotes.xml')
    ? kids(docx.part('word/footnotes.xml'))
        .filter((f) => Number(f.attrs['w:id']) > 0)
        .map((f) => normalize(asRead(textOf(f))))
    : [];
  return { paragraphs, text: normalize(paragraphs.join(' ')), footnotes, docx };
}

function kids(root: XmlElement): XmlElement[] {
  const footnotes = kid(root, 'w:footnotes') ?? root;
  return all(footnotes, 'w:footnote');
}
