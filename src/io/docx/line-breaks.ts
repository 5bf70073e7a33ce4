/**
 * Where a printed line may and may not break, applied by the writer to the text of every run it
 * sets (header, title, Kính gửi, body, footnotes, signature, appendix headings; not the appendix
 * tables' cells), so that templates and configuration stay plain text:
 *
 * - inside a số, ký hiệu ("1541/UBND-KSTTHC", "766/QĐ-TTg", "30/2020/NĐ-CP", "/BC-VPUBND"): its
 *   hyphens become Word's non-breaking hyphen (w:noBreakHyphen);
 * - after "Đ/c", "đ/c": a non-breaking space, so the title stays with the name;
 * - in a URL: a zero-width space after "//" and before each "." and "/" lets the URL break there, so
 *   that a justified line ending before it is not stretched to make room for the whole URL (Word and
 *   LibreOffice both read U+200B as an invisible break opportunity; its hyphens do not break).
 *
 * Place names in a list ("Ea Drăng", "Sông Cầu") are kept whole by the core model, which alone
 * knows where a name starts and ends (non-breaking spaces in the names it lists).
 */
import { NoBreakHyphen, TextRun, type IRunOptions } from 'docx';
import { nfc } from './text.js';

export const NO_BREAK_HYPHEN = '\u2011';
export const NO_BREAK_SPACE = '\u00A0';
export const ZERO_WIDTH_SPACE = '\u200B';

const URL = /https?:\/\/[^\s<>"“”‘’]+/gu;
/** Punctuation that ends a sentence or a bracket after a URL rather than belonging to it. */
const URL_TRAILER = /[.,;:!?)\]]+$/u;
/** A số, ký hiệu: a number or code, one or more "/" parts, then "-" parts ("1541/UBND-KSTTHC"). */
const SYMBOL = /(?<![\p{L}\p{N}])[\p{L}\p{N}]*(?:\/[\p{L}\p{N}]+)+(?:-[\p{L}\p{N}]+)+/gu;
/** "Đ/c" and the space after it; further spaces (a blank left to fill by hand) are kept. */
const COMRADE = /(?<![\p{L}\p{N}])([Đđ]\/c) (?= *\S)/gu;

function breakableUrl(url: string): string {
  const scheme = /^https?:\/\//u.exec(url)![0];
  const rest = url.slice(scheme.length);
  return `${scheme}${ZERO_WIDTH_SPACE}${rest.replace(/-/g, NO_BREAK_HYPHEN).replace(/([./])/g, `${ZERO_WIDTH_SPACE}$1`)}`;
}

function plainText(text: string): string {
  return text.replace(SYMBOL, (s) => s.replace(/-/g, NO_BREAK_HYPHEN)).replace(COMRADE, `$1${NO_BREAK_SPACE}`);
}

/** `text` with its line-break rules applied as characters (U+2011, U+00A0, U+200B). */
export function withLineBreakRules(text: string): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(URL)) {
    const url = m[0].replace(URL_TRAILER, '');
    out += plainText(text.slice(from, m.index)) + breakableUrl(url);
    from = m.index + url.length;
  }
  return out + plainText(text.slice(from));
}

/**
 * The children of a run setting `text`: text, with each non-breaking hyphen as Word's own element
 * (w:noBreakHyphen), which Word and LibreOffice print as "-" and never break at.
 */
export function runChildren(text: string): (string | NoBreakHyphen)[] {
  const children: (string | NoBreakHyphen)[] = [];
  withLineBreakRules(text)
    .split(NO_BREAK_HYPHEN)
    .forEach((part, i) => {
      if (i > 0) children.push(new NoBreakHyphen());
      if (part !== '') children.push(part);
    });
  return children;
}

/** A run setting `text` (NFC) with the line-break rules; `options` give bold, italics... */
export function textRun(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ ...options, children: runChildren(nfc(text)) });
}
