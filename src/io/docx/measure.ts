/**
 * Text widths from font metrics (Liberation Serif 2, metric-compatible with Times New Roman), for
 * the lengths of the short rules under the agency name, the Tiêu ngữ and the trích yếu, and to check
 * that one-line components fit their cells.
 *
 * Vietnamese letters with tone marks take the width of their base letter (precomposed glyphs have
 * the advance of the base letter; combining marks have none); ơ, ư and đ have their own widths.
 */
import { ADVANCES, METRIC_CHARS, UNITS_PER_EM } from './metrics.js';

export type Face = keyof typeof ADVANCES;

export function faceOf(bold: boolean, italic: boolean): Face {
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

const INDEX = new Map<string, number>();
for (let i = 0; i < METRIC_CHARS.length; i++) INDEX.set(METRIC_CHARS[i]!, i);

const HORN = '\u031B';
const COMBINING = /[\u0300-\u036f]/;
/** Characters outside the table (CJK, symbols...) count as the width of "n": half an em. */
const FALLBACK_CHAR = 'n';

function indexOf(char: string): number {
  const direct = INDEX.get(char);
  if (direct !== undefined) return direct;
  if (COMBINING.test(char)) return -1;
  const decomposed = char.normalize('NFD');
  const base = decomposed[0] ?? char;
  if (decomposed.includes(HORN)) {
    const horned = base === 'o' ? 'ơ' : base === 'O' ? 'Ơ' : base === 'u' ? 'ư' : base === 'U' ? 'Ư' : base;
    const i = INDEX.get(horned);
    if (i !== undefined) return i;
  }
  return INDEX.get(base) ?? INDEX.get(FALLBACK_CHAR)!;
}

/** Advance width of `text` in font units of a 1-unit em (sum of advances / units per em). */
export function emWidth(text: string, face: Face = 'regular'): number {
  const table = ADVANCES[face];
  let units = 0;
  for (const char of text.normalize('NFC')) {
    const i = indexOf(char);
    if (i >= 0) units += table[i]!;
  }
  return units / UNITS_PER_EM;
}

/** Width of `text` set in Times New Roman at `sizePt` points, in twips (not rounded). */
export function textWidth(text: string, sizePt: number, face: Face = 'regular'): number {
  return emWidth(text, face) * sizePt * 20;
}

/** The width of the widest of `lines`, in twips. */
export function longestLineWidth(lines: readonly string[], sizePt: number, face: Face = 'regular'): number {
  return lines.reduce((max, line) => Math.max(max, textWidth(line, sizePt, face)), 0);
}
