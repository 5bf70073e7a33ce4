import { DakindexError } from '../../core/errors.js';
import type { Period } from '../../core/periods.js';

/** What a batch did with one document. */
export type BatchStatus = 'made' | 'unchanged' | 'skipped' | 'failed';

export const BATCH_STATUSES: readonly BatchStatus[] = ['made', 'unchanged', 'skipped', 'failed'];

export interface BatchOutcome {
  period: Period;
  /** The document kind: "weekly-report", "periodic-report", "publish". */
  kind: string;
  /** How messages name the document: "báo cáo tuần 02 tháng 11/2025". */
  label: string;
  status: BatchStatus;
  /** Why, in Vietnamese: what changed, why it was skipped, the error. */
  reason: string;
  /** The document's files (its .docx, then its PDF): written when made, as they are when unchanged. */
  files: string[];
  /** The data files it is made from; null when the period has none. */
  data: { current: string[]; previous: string[] | null } | null;
  /** What the user should know of the document, as told by a single run. */
  warnings: string[];
}

export function countOutcomes(outcomes: readonly BatchOutcome[]): Record<BatchStatus, number> {
  const counts: Record<BatchStatus, number> = { made: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

/** A batch that failed some of its documents (exit 3); the others were made or kept. */
export class PartialBatchError extends DakindexError {
  constructor(message: string) {
    super(message, 'partial');
  }
}
