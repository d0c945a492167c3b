// Fixes: every fixable finding gets its edit; fix-all applies every safe fix, re-checks and
// repeats, so that dependent fixes (a row inserted, then totals recomputed) end consistent.

import type { Finding, FindingCode, TextEdit } from '../model';
import { checkText, type CheckOptions } from '../engine';
import { applyEdits, overlaps, singleEdit } from './edits';
import { RULES } from '../rules';

export { applyEdits } from './edits';

/** Fix-all stops after this many check-and-fix rounds (each round fixes everything that does not overlap). */
const MAX_FIX_ROUNDS = 8;

/** Non-overlapping edits of the given findings' fixes, first come first served. */
function combinedEdits(findings: readonly Finding[]): { edits: TextEdit[]; used: Finding[] } {
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

/** The codes of the table relations (rules marked `arithmetic`). */
const ARITHMETIC_CODES: ReadonlySet<string> = new Set(RULES.filter((r) => r.arithmetic).map((r) => r.code));

/** Guarded fix-all tries at most this many single fixes (each one costs a re-check). */
const MAX_GUARDED_TRIALS = 400;

const arithmeticCount = (findings: readonly Finding[]) => findings.reduce((n, f) => n + (ARITHMETIC_CODES.has(f.code) ? 1 : 0), 0);

/** Does fix-all apply this finding's fix? Not when the fix needs the user's decision (Fix.explicitOnly). */
export function inFixAll(f: Finding): boolean {
  return f.fix !== undefined && f.fix.explicitOnly !== true;
}

function fixable(findings: readonly Finding[], options: FixAllOptions): Finding[] {
  return findings.filter((f) => inFixAll(f) && (options.code === undefined || f.code === options.code));
}

/**
 * Applies every safe fix, re-checking between rounds, until nothing fixable is left.
 *
 * Fix-all never leaves more arithmetic findings than the text had. On a sound table the rounds get
 * there by themselves; on a damaged one (a number mangled in a part, so that "set the total to the
 * sum" carries the damage into the balance) they may not, and then fix-all starts again guarded: one
 * fix at a time, each kept only when the re-check has fewer findings and no more arithmetic findings.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  const initial = checkText(text, options).findings;
  const inRounds = fixInRounds(text, initial, options);
  if (arithmeticCount(inRounds.remaining) <= arithmeticCount(initial)) return inRounds;
  return fixGuarded(text, initial, options);
}

function fixInRounds(text: string, initial: Finding[], options: FixAllOptions): FixAllResult {
  const fixed: Finding[] = [];
  let current = text;
  let remaining = initial;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { edits, used } = combinedEdits(fixable(remaining, options));
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

/** A finding's identity across re-checks (ranges move when text before them changes). */
const findingKey = (f: Finding) => `${f.code}\u0000${f.message}`;

function fixGuarded(text: string, initial: Finding[], options: FixAllOptions): FixAllResult {
  const fixed: Finding[] = [];
  const rejected = new Set<string>();
  let current = text;
  let remaining = initial;
  let trials = 0;
  let progress = true;
  while (progress && trials < MAX_GUARDED_TRIALS) {
    progress = false;
    for (const f of fixable(remaining, options)) {
      if (rejected.has(findingKey(f))) continue;
      if (++trials > MAX_GUARDED_TRIALS) break;
      const next = applyEdits(current, f.fix!.edits);
      const after = next === current ? remaining : checkText(next, { ...options, force: true }).findings;
      if (after.length < remaining.length && arithmeticCount(after) <= arithmeticCount(remaining)) {
        fixed.push(f);
        current = next;
        remaining = after;
        progress = true;
        break;
      }
      rejected.add(findingKey(f));
    }
  }
  return { text: current, fixed, remaining };
}

/** Fix-all as one edit of the original text (what `source.fixAll` returns). */
export function fixAllEdit(text: string, options: FixAllOptions = {}): TextEdit | undefined {
  return singleEdit(text, fixAll(text, options).text);
}
