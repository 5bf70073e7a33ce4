import { round } from './format-vi.js';
import type { BandKey } from './types.js';

export interface Band {
  key: BandKey;
  label: string;
  /** Inclusive lower bound. */
  min: number;
}

/**
 * The band of a score. The score is rounded to 2 decimals first, as the documents print it, so
 * 89,995 prints as 90,00 and is Xuất sắc: a reader never sees a figure in a band it does not meet.
 * Bands are sorted best first; the last one has min 0.
 */
export function classify(score: number, bands: readonly Band[]): Band {
  const s = round(score, 2);
  for (const band of bands) if (s >= band.min) return band;
  return bands[bands.length - 1]!;
}
