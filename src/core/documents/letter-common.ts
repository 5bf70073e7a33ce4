import type { ScoredUnit } from '../evaluation.js';
import { foldVietnamese, isCommitteeName, normalizeName, unitKind, type UnitKind } from '../names.js';

/** Wording shared by the three công văn (seeds 000, 003, 004). */

/** How a kind of commune-level unit is named after "UBND", in the order the seeds list them. */
const LOCALITY_WORDS: readonly (readonly [UnitKind, string])[] = [
  ['phuong', 'phường'],
  ['xa', 'xã'],
  ['thi-tran', 'thị trấn'],
  ['dac-khu', 'đặc khu'],
  ['huyen', 'huyện'],
  ['thi-xa', 'thị xã'],
  ['thanh-pho', 'thành phố'],
];

/** "xã", "phường" ... for a unit's name; null when its name tells no local kind. */
export function localityWord(name: string): string | null {
  const kind = unitKind(name);
  return LOCALITY_WORDS.find(([k]) => k === kind)?.[1] ?? null;
}

/**
 * "các xã", "các phường", "các phường, xã" (seed 003) by the kinds present, phường first as the
 * seed writes it. Units of no known kind count as "xã".
 */
export function localityKinds(units: readonly { name: string }[]): string {
  const present = new Set(units.map((u) => localityWord(u.name) ?? 'xã'));
  return `các ${LOCALITY_WORDS.map(([, w]) => w).filter((w) => present.has(w)).join(', ')}`;
}

/** "xã Ea Ly", "phường Sông Cầu": the kind and the short name, for one addressee. */
export function localityName(u: Pick<ScoredUnit, 'name' | 'shortName'>): string {
  const word = localityWord(u.name);
  return word ? `${word} ${u.shortName}` : u.shortName;
}

/**
 * A place name as listed in a letter ("Ea Drăng", "Sông Cầu"): its words joined by non-breaking
 * spaces, so that a line never ends inside a name. Only the core knows where a name starts and ends;
 * the writer keeps the character as it is.
 */
export function unbreakableName(name: string): string {
  return name.replace(/ /g, '\u00A0');
}

/** "xã Ea Ly" with the name kept on one line (unbreakableName), as the letter lists it. */
export function listedLocalityName(u: Pick<ScoredUnit, 'name' | 'shortName'>): string {
  const word = localityWord(u.name);
  return word ? `${word} ${unbreakableName(u.shortName)}` : unbreakableName(u.shortName);
}

/** "UBND xã Ea Ly" as printed in the footnote, whatever prefix the data's name carries. */
export function committeeName(u: Pick<ScoredUnit, 'name' | 'shortName'>): string {
  const n = normalizeName(u.name);
  if (isCommitteeName(n)) return n.replace(/^(ủy|uỷ) ban nhân dân/iu, 'UBND');
  const word = localityWord(n);
  return word ? `UBND ${word} ${u.shortName}` : n;
}

/** Text safe inside a template footnote "^[...]": no closing bracket. */
export function footnoteSafe(text: string): string {
  return text.replace(/\]/g, ')');
}

/** File-name slug: "UBND xã Ea Ly" → "xa-ea-ly". */
export function slugOf(text: string): string {
  return foldVietnamese(text).replace(/ /g, '-');
}

