import type { Band } from '../bands.js';
import type { BandKey, GroupKey } from '../types.js';
import type { BasisPlace, Validity } from './dated-wording.js';
import type { RecipientEntry } from './recipients.js';

/**
 * What the document builders read of the office's settings. The configuration (src/config)
 * satisfies it; the core names only what it uses, as evaluate() does with EvaluationSettings.
 */

/**
 * The configuration keys of the document kinds: `documents.<key>`, each with its issuer, symbol,
 * signer and Nơi nhận. weeklyReport: báo cáo tuần (bao-cao-tuan); periodicReport: báo cáo tháng,
 * quý, năm (bao-cao); then the công văn.
 */
export const DOCUMENT_KIND_KEYS = ['weeklyReport', 'periodicReport', 'publish', 'lowScore', 'parSipas'] as const;
export type DocumentKindKey = (typeof DOCUMENT_KIND_KEYS)[number];

/** Issuer, number symbol, signer and Nơi nhận of one document kind. */
export interface DocumentKindSettings {
  issuer: { parent: string[]; name: string[]; shortName: string };
  symbol: string;
  signer: { title: string[]; name: string };
  recipients: RecipientEntry[];
}

export interface DocumentSettings {
  province: { name: string; place: string };
  groups: Record<GroupKey, { label: string; max: number }>;
  bands: readonly Band[];
  layout: { margins: { top: number; bottom: number; left: number; right: number }; bodySize: 13 | 14 };
  comparison: { countChangeBands: readonly BandKey[] };
  documents: Record<DocumentKindKey, DocumentKindSettings>;
  legalBases: readonly (Validity & { text: string; in: readonly BasisPlace[] })[];
  names: Record<string, readonly (Validity & { name: string })[]>;
}
