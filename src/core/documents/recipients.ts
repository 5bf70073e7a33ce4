import { BLANK } from '../format-vi.js';
import type { Level } from '../types.js';
import { addressedLevels } from './addressees.js';

/**
 * Nơi nhận and the signer's name: both from the configuration of the document kind, so that a
 * "(đ/c Hùng)" in Nơi nhận always names the person who signs.
 */

/** The local levels a Nơi nhận entry may be bound to. */
export const RECIPIENT_LEVELS = ['so', 'huyen', 'xa'] as const;
export type RecipientLevel = (typeof RECIPIENT_LEVELS)[number];

/** A configured Nơi nhận entry: always sent, or sent only when the document's data hold `level`. */
export type RecipientEntry = string | { text: string; level: RecipientLevel };

/** The placeholders a Nơi nhận entry may hold, each filled from the signer of the run. */
export const SIGNER_PLACEHOLDERS = {
  /** "Hoàng Trọng Hùng" */
  '{signer.name}': (name: string) => name,
  /** "Hùng", as "(đ/c Hùng)" names a person. */
  '{signer.short}': (name: string) => givenName(name),
} as const;

/** Placeholders of `text` that are not {signer.name} or {signer.short}. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(/\{[^{}]*\}/g)].map((m) => m[0]).filter((p) => !(p in SIGNER_PLACEHOLDERS));
}

export function usesSignerName(entries: readonly RecipientEntry[]): boolean {
  return entries.some((e) => Object.keys(SIGNER_PLACEHOLDERS).some((p) => entryText(e).includes(p)));
}

/** "Hoàng Trọng Hùng" → "Hùng": the given name is the last word of a Vietnamese full name. */
export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** The signer's name for a run: --signer, else the configuration's, spaces tidied. */
export function signerName(configured: string, override: string | undefined): string {
  return (override ?? configured).normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Whether an entry bound to `level` goes out with a document on data holding `levels`: when the
 * document addresses that level (addressees.ts), so that while districts exist the communes are
 * reached through them (seed 002: "UBND các huyện, thị xã, thành phố;" only).
 */
export function sentTo(level: RecipientLevel, levels: ReadonlySet<Level>): boolean {
  return addressedLevels(levels).has(level);
}

function entryText(e: RecipientEntry): string {
  return typeof e === 'string' ? e : e.text;
}

/**
 * The Nơi nhận items of a document: the entries for the levels present, with the signer's name
 * filled in. Without a name the placeholder is left blank to fill by hand, as the number is.
 */
export function recipientsOf(entries: readonly RecipientEntry[], levels: ReadonlySet<Level>, signer: string): string[] {
  return entries
    .filter((e) => typeof e === 'string' || sentTo(e.level, levels))
    .map((e) =>
      entryText(e).replace(/\{signer\.(name|short)\}/g, (p) =>
        signer ? SIGNER_PLACEHOLDERS[p as keyof typeof SIGNER_PLACEHOLDERS](signer) : BLANK,
      ),
    );
}
