import type { DocumentSettings } from './settings.js';
import { DataError } from '../errors.js';
import { formatShortDate } from '../format-vi.js';

/**
 * Wording that changes with time, from the configuration: the legal bases a document cites and the
 * names of bodies and systems, each valid from one date until another. A document takes those that
 * apply on its date (documentDate in common.ts: --issued, else the date of its data).
 */

/**
 * Where a default template cites bases: after QĐ 766 in "Thực hiện ..." of the report (month,
 * quarter, year) and of the công văn công khai, the "Thực hiện ..." of the weekly report, the
 * Công văn listed in the weekly report's Kiến nghị, the footnote naming who set the low-score
 * letter's target.
 */
export const BASIS_PLACES = ['report', 'weeklyReport', 'weeklyReportTasks', 'publish', 'lowScoreTarget'] as const;
export type BasisPlace = (typeof BASIS_PLACES)[number];

/** The dates a basis or a name applies, both inclusive; ISO dates. */
export interface Validity {
  from?: string | undefined;
  until?: string | undefined;
}

export function appliesOn(v: Validity, date: string): boolean {
  return (v.from === undefined || v.from <= date) && (v.until === undefined || date <= v.until);
}

/** Every "ngày dd/mm/yyyy" of a text, as ISO dates: the dates of the documents it cites. */
export function citedDates(text: string): string[] {
  return [...text.matchAll(/ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/gu)].map(
    (m) => `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`,
  );
}

/** The bases that apply on `date`, by place, in configuration order. */
export function basesOn(config: DocumentSettings, date: string): Record<BasisPlace, string[]> {
  const out = Object.fromEntries(BASIS_PLACES.map((p) => [p, [] as string[]])) as Record<BasisPlace, string[]>;
  for (const b of config.legalBases) {
    if (!appliesOn(b, date)) continue;
    for (const place of b.in) out[place].push(b.text);
  }
  return out;
}

/**
 * The name each `names` key has on `date`. A key with no name for that date stops the run: the
 * document would otherwise name a body that did not (or no longer) exist.
 */
export function namesOn(config: DocumentSettings, date: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entries] of Object.entries(config.names)) {
    const found = entries.find((e) => appliesOn(e, date));
    if (!found) {
      const spans = entries.map((e) => `${e.from ? formatShortDate(e.from) : '…'} – ${e.until ? formatShortDate(e.until) : '…'}`);
      throw new DataError(
        `Cấu hình names.${key} không có tên dùng cho ngày ${formatShortDate(date)} (có: ${spans.join('; ')}): thêm một tên với from/until bao ngày này.`,
      );
    }
    out[key] = found.name;
  }
  return out;
}

/** What every document context carries from this file. */
export interface DatedWording {
  /** Legal bases applying on the document's date, by place: `bases.report`, `bases.weeklyReport` ... */
  bases: Record<BasisPlace, string[]>;
  /** Names on the document's date: `names.digitalAgency`, `names.tthcSystem` ... */
  names: Record<string, string>;
}

export function datedWording(config: DocumentSettings, date: string): DatedWording {
  return { bases: basesOn(config, date), names: namesOn(config, date) };
}
