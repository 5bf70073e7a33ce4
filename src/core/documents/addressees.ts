import { capitalize } from '../format-vi.js';
import type { Evaluation } from '../evaluation.js';
import type { Level } from '../types.js';

/**
 * The bodies a document addresses (Kính gửi) and asks to act (body, Kiến nghị), by the levels it
 * has: the agencies, and the local committees the province writes to — the districts while the data
 * has a district level (seeds 000, 002: "UBND các huyện, thị xã, thành phố"), else the communes
 * ("UBND các xã, phường"). A level without data is never named.
 */
export interface Addressees {
  /** Kính gửi items: ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]. */
  list: string[];
  /** In a sentence: "các sở, ban, ngành, UBND các xã, phường"; null when there is none. */
  phrase: string | null;
  /** The local committees alone: "UBND các huyện, thị xã, thành phố" / "UBND các xã, phường"; null without either level. */
  local: string | null;
}

const AGENCIES = 'các sở, ban, ngành';
const DISTRICTS = 'UBND các huyện, thị xã, thành phố';
const COMMUNES = 'UBND các xã, phường';

/**
 * The levels a document addresses, in Kính gửi, body, Kiến nghị and Nơi nhận alike: the agencies
 * when present, and the districts while the data hold them, else the communes.
 */
export function addressedLevels(levels: ReadonlySet<Level>): ReadonlySet<Level> {
  const local: Level[] = levels.has('huyen') ? ['huyen'] : levels.has('xa') ? ['xa'] : [];
  return new Set<Level>([...(levels.has('so') ? (['so'] as Level[]) : []), ...local]);
}

/** The levels a document's data hold. */
export function dataLevels(e: Evaluation): ReadonlySet<Level> {
  return new Set(Object.keys(e.levels) as Level[]);
}

export function addresseesOf(levels: ReadonlySet<Level>): Addressees {
  const addressed = addressedLevels(levels);
  const local = addressed.has('huyen') ? DISTRICTS : addressed.has('xa') ? COMMUNES : null;
  const inSentence = [...(addressed.has('so') ? [AGENCIES] : []), ...(local ? [local] : [])];
  return {
    list: inSentence.map(capitalize),
    phrase: inSentence.length ? inSentence.join(', ') : null,
    local,
  };
}

/** The addressees of a document on `e`'s data: by the levels it read. */
export function dataAddressees(e: Evaluation): Addressees {
  return addresseesOf(dataLevels(e));
}
