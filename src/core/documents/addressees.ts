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

export function addresseesOf(levels: ReadonlySet<Level>): Addressees {
  const local = levels.has('huyen') ? DISTRICTS : levels.has('xa') ? COMMUNES : null;
  const inSentence = [...(levels.has('so') ? [AGENCIES] : []), ...(local ? [local] : [])];
  return {
    list: inSentence.map(capitalize),
    phrase: inSentence.length ? inSentence.join(', ') : null,
    local,
  };
}

/** The addressees of a document on `e`'s data: by the levels it read. */
export function dataAddressees(e: Evaluation): Addressees {
  return addresseesOf(new Set(Object.keys(e.levels) as Level[]));
}
