/**
 * Unit names as the portal prints them, and the diacritic-insensitive folding used to match names,
 * header labels, sheet names and section rows (shared/spec/inputs.md §2, §3).
 */

import { AGENCY_PREFIXES, COMMITTEE_PREFIXES, KIND_PREFIXES, type UnitKind } from './vocabulary.js';

export type { UnitKind } from './vocabulary.js';

/**
 * Characters that print as nothing but break matching when pasted inside a name: zero-width space,
 * non-joiner and joiner, word joiner, byte-order mark, soft hyphen. Removed before anything else.
 */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/gu;

/** Text without its invisible characters. */
export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * Fold Vietnamese text for matching: NFD, combining marks removed, đ → d, lower case, every run of
 * characters other than letters and digits (punctuation, `_`, `%`, spaces) → one space, trimmed.
 * "Công khai, minh bạch (18)" → "cong khai minh bach 18"; "TEN_COQUAN" → "ten coquan".
 * Words stay words: word counts are kept.
 */
export function foldVietnamese(s: string): string {
  let folded = FOLDED.get(s);
  if (folded === undefined) {
    // A name is folded several times as its row is read (labels, kind, key): remember recent ones.
    if (FOLDED.size >= FOLD_CACHE_SIZE) FOLDED.clear();
    FOLDED.set(s, (folded = fold(s)));
  }
  return folded;
}

const FOLD_CACHE_SIZE = 4096;
const FOLDED = new Map<string, string>();
/**
 * Short names and keys of recent names: every evaluation derives both for each unit, and the
 * history evaluates the same names date after date.
 */
const SHORT = new Map<string, string>();
const KEYS = new Map<string, string>();

/** `f(s)`, remembered in `memo` (emptied when full, as FOLDED is). */
function remembered(memo: Map<string, string>, s: string, f: (s: string) => string): string {
  let v = memo.get(s);
  if (v === undefined) {
    if (memo.size >= FOLD_CACHE_SIZE) memo.clear();
    memo.set(s, (v = f(s)));
  }
  return v;
}

function fold(s: string): string {
  return stripInvisible(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SPACES = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;
const APOSTROPHES = /[\u2019\u2018\u0060\u00b4\u02bc\u02b9\u2032]/gu;
/** " - tỉnh Đắk Lắk" appended by the portal (any dash, any case of "tỉnh"). */
const PROVINCE_SUFFIX = /\s*[-\u2013\u2014]\s*t[iỉ]nh\s+[^-\u2013\u2014]+$/iu;

/**
 * Normalise a unit name: invisible characters removed, NFC, apostrophes unified to ', spaces (NBSP
 * included) collapsed and trimmed, a trailing " - tỉnh X" removed.
 */
export function normalizeName(raw: string): string {
  let s = stripInvisible(raw).normalize('NFC').replace(APOSTROPHES, "'").replace(SPACES, ' ').trim();
  const m = PROVINCE_SUFFIX.exec(s);
  // Keep the suffix when stripping it would leave nothing ("- tỉnh X" alone is not a name).
  if (m && m.index > 0) s = s.slice(0, m.index).trim();
  return s;
}

interface NameParts {
  kind: UnitKind;
  /** Number of leading words that are prefix ("UBND", "xã", ...). */
  prefixWords: number;
  /** The name had a "UBND" / "Ủy ban nhân dân" prefix. */
  committee: boolean;
}

function startsWithWords(folded: string, prefix: string): boolean {
  return folded === prefix || folded.startsWith(prefix + ' ');
}

function wordCount(s: string): number {
  return s === '' ? 0 : s.split(' ').length;
}

function parseName(name: string): NameParts {
  let folded = foldVietnamese(name);
  let prefixWords = 0;
  let committee = false;
  for (const p of COMMITTEE_PREFIXES) {
    if (startsWithWords(folded, p) && folded !== p) {
      committee = true;
      prefixWords = wordCount(p);
      folded = folded.slice(p.length + 1);
      break;
    }
  }
  for (const [p, kind] of KIND_PREFIXES) {
    if (startsWithWords(folded, p) && folded !== p) {
      return { kind, prefixWords: prefixWords + wordCount(p), committee };
    }
  }
  if (!committee && AGENCY_PREFIXES.some((p) => startsWithWords(folded, p) && folded !== p)) {
    return { kind: 'so', prefixWords: 0, committee };
  }
  return { kind: 'other', prefixWords: committee ? prefixWords : 0, committee };
}

/** Kind of a unit from its name: "UBND xã Ea Ly" → 'xa', "Sở Y tế" → 'so', "Hà Nội" → 'other'. */
export function unitKind(name: string): UnitKind {
  return parseName(normalizeName(name)).kind;
}

/** The name has a "UBND"/"Ủy ban nhân dân" prefix (tells "UBND thành phố X" from a city province). */
export function isCommitteeName(name: string): boolean {
  return parseName(normalizeName(name)).committee;
}

/**
 * Name without its prefix, for sentences: "UBND xã Ea Ly" → "Ea Ly", "UBND huyện Lắk" → "Lắk",
 * "UBND tỉnh Đắk Lắk" / "Tỉnh Đắk Lắk" → "Đắk Lắk". Agencies and other names are kept whole.
 */
export function shortName(name: string): string {
  return remembered(SHORT, name, shortNameOf);
}

function shortNameOf(name: string): string {
  const n = normalizeName(name);
  const { kind, prefixWords } = parseName(n);
  if (kind === 'so' || prefixWords === 0) return n;
  const words = n.split(' ');
  // The prefix must be whole words of the name; punctuation inside it ("TP.Buôn") keeps the name
  // whole. Apostrophes after it ("Cư M'gar") do not matter.
  const folded = foldVietnamese(n).split(' ');
  if (!words.slice(0, prefixWords).every((w, i) => foldVietnamese(w) === folded[i])) return n;
  const rest = words.slice(prefixWords).join(' ');
  return rest === '' ? n : rest;
}

/** Old-style and new-style tone placement ("Hoà" / "Hòa") mapped to one form. */
const TONE_PLACEMENT: ReadonlyArray<readonly [RegExp, string]> = (() => {
  const tones: Record<string, string[]> = {
    a: ['à', 'á', 'ả', 'ã', 'ạ'],
    e: ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    y: ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
  };
  const firsts: Record<string, string[]> = {
    o: ['ò', 'ó', 'ỏ', 'õ', 'ọ'],
    u: ['ù', 'ú', 'ủ', 'ũ', 'ụ'],
  };
  const pairs: Array<[string, string]> = [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
  ];
  const out: Array<[RegExp, string]> = [];
  for (const [f, s] of pairs) {
    for (let t = 0; t < 5; t++) {
      // "oà" (tone on the second vowel) → "òa", only at the end of a word.
      out.push([new RegExp(`${f}${tones[s]![t]!}(?![\\p{L}])`, 'gu'), `${firsts[f]![t]!}${s}`]);
    }
  }
  return out;
})();

/**
 * Key that matches the same unit across files and dates: the kind (xã, phường, huyện ...; none for
 * provinces and agencies) and the short name, lower-cased with diacritics kept and tone placement
 * unified. "UBND xã Ea Ly - tỉnh Đắk Lắk", "Xã Ea Ly" and "UBND xã EA LY" share a key;
 * "UBND tỉnh Đắk Lắk" and "Đắk Lắk" share one.
 */
export function nameKey(name: string): string {
  return remembered(KEYS, name, nameKeyOf);
}

function nameKeyOf(name: string): string {
  const n = normalizeName(name);
  const { kind } = parseName(n);
  let short = (kind === 'so' ? n : shortName(n)).toLocaleLowerCase('vi');
  for (const [re, to] of TONE_PLACEMENT) short = short.replace(re, to);
  const prefix = kind === 'tinh' || kind === 'other' ? '' : kind;
  return `${prefix}:${short}`;
}
