/** Units of WordprocessingML: twips (1/20 pt) for lengths, half-points for font sizes. */

export const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips, rounded: 20 mm → 1134, 30 mm → 1701, 15 mm → 850. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** Points to half-points, the unit of w:sz. */
export function halfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** A4 in twips, portrait. */
export const A4 = { width: 11906, height: 16838 } as const;

/** 1 cm in twips. */
export const CM = 567;
