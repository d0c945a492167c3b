// A cell's number and the rounding of sums: below the evaluator (relations.ts) and the rules, which both use them.

import type { Cell } from './model';

/** Numeric value of a cell, or undefined when it is missing, a placeholder or not a number. */
export function numberOf(c: Cell | undefined): number | undefined {
  return c && c.kind === 'number' ? c.value : undefined;
}

/** Rounds a sum of decimals to the precision written (avoids 0.1 + 0.2 artefacts). */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
