/**
 * Appendices (Phụ lục, Nghị định 30 Phụ lục I §III.1, Mẫu 2.1): each in a section of its own, starting
 * on a new page with its own page numbering, landscape when asked. A heading block ("Phụ lục I",
 * title, chỉ dẫn line, short rule), then the table (appendix-table.ts).
 */
import { Paragraph, TextRun } from 'docx';
import type { Appendix } from '../../core/documents/model.js';
import { textWidth } from './measure.js';
import { RULE_RATIO, ruleParagraph } from './rules.js';
import { SIZE } from './sizes.js';
import { STYLE } from './styles.js';
import { nfc, upper } from './text.js';
import { textRun } from './line-breaks.js';

/** Space between the heading's rule and the table: 12 pt. */
export const APPENDIX_RULE_AFTER = 240;

export function appendixLabel(appendix: Appendix): string {
  const n = appendix.number.trim();
  return n === '' ? 'Phụ lục' : `Phụ lục ${n}`;
}

/** The heading block of an appendix, in a section `areaWidth` twips wide. */
export function appendixHeading(appendix: Appendix, areaWidth: number): Paragraph[] {
  const title = upper(appendix.title).trim();
  const note = nfc(appendix.note).trim();
  const paragraphs = [new Paragraph({ style: STYLE.appendixNumber, children: [textRun(appendixLabel(appendix))] })];
  if (title !== '') paragraphs.push(new Paragraph({ style: STYLE.appendixTitle, children: [textRun(title)] }));
  if (note !== '') paragraphs.push(new Paragraph({ style: STYLE.appendixNote, children: [textRun(note)] }));
  const under = title !== '' ? textWidth(title, SIZE.appendixTitle, 'bold') : textWidth(note, SIZE.appendixNote, 'italic');
  const length = Math.round(RULE_RATIO * Math.min(under, areaWidth));
  paragraphs.push(ruleParagraph(areaWidth, length, [note !== '' ? note : title], APPENDIX_RULE_AFTER));
  return paragraphs;
}

/** The line above a table of an appendix that has several: what the table lists; kept with the table. */
export function appendixTableHeading(text: string): Paragraph {
  return new Paragraph({ style: STYLE.appendixTableHeading, keepNext: true, children: text ? [textRun(nfc(text))] : [] });
}

/** A paragraph that only holds `marker`, which splice.ts replaces with the table's XML. */
export function markerParagraph(marker: string): Paragraph {
  return new Paragraph({ children: [new TextRun(marker)] });
}
