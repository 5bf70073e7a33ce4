/**
 * The level of a unit from the texts that carry it (shared/spec/inputs.md §4): a sheet name, a
 * section row, a level column ("LOAI_COQUAN", "Cấp", "Loại đơn vị") or the unit's own name.
 */
import { foldVietnamese, isCommitteeName, unitKind } from './names.js';
import { LEVELS, type Level } from './types.js';
import { LEVEL_HEADING_WORDS } from './vocabulary.js';

export type LevelSource = 'sheet' | 'section' | 'unit' | 'code';

const ROMAN = /^(?:i{1,3}|iv|v|vi{1,3}|ix|x)(?:\s|$)/;

function has(folded: string, phrase: string): boolean {
  return ` ${folded} `.includes(` ${phrase} `);
}

/**
 * Level named by a heading-like text: a sheet name ("Sở Ban", "Xã Phường", "Cấp xã",
 * "Tỉnh, thành phố") or a section row ("I. Sở, ban, ngành", "II. UBND cấp huyện",
 * "III. UBND cấp xã"). "Cấp tỉnh" is read as the provincial agencies, as in the Quý II 2024 report
 * ("a) Cấp tỉnh: ... 04/17 cơ quan"); "Tỉnh, thành phố" is the provinces.
 */
function levelFromHeading(folded: string): Level | null {
  if (folded === '') return null;
  if (folded === 'so') return 'so';
  for (const [level, words] of LEVEL_HEADING_WORDS) {
    if (words.some((w) => has(folded, w))) return level;
  }
  return null;
}

/** Strip a leading "I.", "II -", "3." numbering from a section text (folded). */
function stripNumbering(folded: string): string {
  return folded.replace(ROMAN, '').replace(/^\d{1,2}(?:\s|$)/, '').replace(/^[a-d](?:\s|$)/, '').trim();
}

/**
 * Level from a text, by where the text comes from. Matching ignores case, diacritics and
 * punctuation. Returns null when the text names no level.
 * - 'sheet': a sheet name. - 'section': a section row inside a sheet.
 * - 'unit': a unit name ("UBND xã ..." → xa, "UBND huyện/thị xã/thành phố ..." → huyen, "Sở ...",
 *   "Ban ...", "Thanh tra tỉnh" → so, "UBND tỉnh ..." → tinh).
 * - 'code': a level column: LOAI_COQUAN 1 = tỉnh, 2 = sở/ban/ngành, 3 = xã/phường, 4 = huyện
 *   (the district value is a guess: no pre-2025 export was seen), or the level's key ("xa"), or a
 *   text such as "Cấp xã", "Sở, ban, ngành", "Huyện".
 */
export function levelFromText(text: string, kind: LevelSource): Level | null {
  const folded = foldVietnamese(text);
  switch (kind) {
    case 'sheet':
      return levelFromHeading(folded);
    case 'section':
      return levelFromHeading(stripNumbering(folded));
    case 'code': {
      const t = folded.replace(/^0+(?=\d)/, '');
      if (t === '1') return 'tinh';
      if (t === '2') return 'so';
      if (t === '3') return 'xa';
      if (t === '4') return 'huyen';
      if ((LEVELS as readonly string[]).includes(t)) return t as Level;
      if (t === 'so ban nganh' || t === 'so') return 'so';
      return levelFromHeading(t);
    }
    case 'unit': {
      const k = unitKind(text);
      switch (k) {
        case 'xa':
        case 'phuong':
        case 'thi-tran':
        case 'dac-khu':
          return 'xa';
        case 'huyen':
        case 'thi-xa':
          return 'huyen';
        case 'thanh-pho':
          // "UBND thành phố Buôn Ma Thuột" is a district-level city; "Thành phố Hà Nội" a province.
          return isCommitteeName(text) ? 'huyen' : null;
        case 'so':
          return 'so';
        case 'tinh':
          return 'tinh';
        default:
          return null;
      }
    }
  }
}

/** Parse a level given by the user (`--sheet NAME=LEVEL`): the key or any text levelFromText knows. */
export function parseLevel(text: string): Level | null {
  return levelFromText(text, 'code');
}
