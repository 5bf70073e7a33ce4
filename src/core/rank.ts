/**
 * Standard competition ranking ("1, 2, 2, 4"): equal scores share a rank and the next rank skips.
 * Returns the ranks in the order of the input scores; null scores get null.
 */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  const order = scores
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: number; i: number } => x.s !== null)
    .sort((a, b) => b.s - a.s);
  const ranks: (number | null)[] = scores.map(() => null);
  order.forEach((x, pos) => {
    const prev = order[pos - 1];
    ranks[x.i] = prev && prev.s === x.s ? ranks[prev.i]! : pos + 1;
  });
  return ranks;
}
