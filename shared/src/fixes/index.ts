// Fixes: every fixable finding gets its edit; fix-all applies every safe fix, re-checks and
// repeats, so that dependent fixes (a row inserted, then totals recomputed) end consistent.

import type { Finding, FindingCode, TextEdit } from '../model';
import { checkText, type CheckOptions } from '../engine';
import { applyEdits, overlaps, singleEdit } from './edits';

export { applyEdits, singleEdit } from './edits';
export { attachFixes } from './attach';

/** Fix-all stops after this many check-and-fix rounds (each round fixes everything that does not overlap). */
const MAX_FIX_ROUNDS = 8;

/** Codes whose fix is not applied by fix-all: none today; kept as the one place to say so. */
const NOT_SAFE_FOR_FIX_ALL = new Set<FindingCode>();

/** Non-overlapping edits of the given findings' fixes, first come first served. */
export function combinedEdits(findings: readonly Finding[]): { edits: TextEdit[]; used: Finding[] } {
  const edits: TextEdit[] = [];
  const used: Finding[] = [];
  for (const f of findings) {
    const fixEdits = f.fix?.edits ?? [];
    if (fixEdits.length === 0) continue;
    if (fixEdits.some((e) => edits.some((x) => overlaps(x.range, e.range)))) continue;
    edits.push(...fixEdits);
    used.push(f);
  }
  return { edits, used };
}

export interface FixAllResult {
  text: string;
  /** Findings fixed, in the order they were fixed (round by round). */
  fixed: Finding[];
  /** Findings left after fixing. */
  remaining: Finding[];
}

export interface FixAllOptions extends CheckOptions {
  /** Only fix findings with this code (the "fix all of this kind" action). */
  code?: FindingCode;
}

/** Applies every safe fix, re-checking between rounds, until nothing fixable is left. */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const fixed: Finding[] = [];
  let current = text;
  let remaining = checkText(current, options).findings;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const candidates = remaining.filter(
      (f) => f.fix && !NOT_SAFE_FOR_FIX_ALL.has(f.code) && (options.code === undefined || f.code === options.code),
    );
    const { edits, used } = combinedEdits(candidates);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    fixed.push(...used);
    current = next;
    // A document that was a report stays one while it is being fixed.
    remaining = checkText(current, { ...options, force: true }).findings;
  }
  return { text: current, fixed, remaining };
}

/** Fix-all as one edit of the original text (what `source.fixAll` returns). */
export function fixAllEdit(text: string, options: FixAllOptions = {}): TextEdit | undefined {
  return singleEdit(text, fixAll(text, options).text);
}
