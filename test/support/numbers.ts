// The fix-safety property of issue 10: a fix never makes a number of the report disappear, except the
// one number it is there to replace (its target), and never writes a negative number.
//
// Numbers are compared as multisets of digit runs (full-width digits read as ASCII), like the
// before-stop hook does: `8(减)` counts as 8, `1,234` as 1 and 234.

import type { Finding, FindingCode } from '../../shared/src/model';
import { applyEdits } from '../../shared/src/fixes/index';
import { documentLines } from './findings';

export type Multiset = Map<string, number>;

/**
 * Fixes whose purpose is to replace the text at their finding's range, numbers included: an arithmetic
 * fix replaces the wrong number, a heading-numbering fix the section numeral (`3、` → `三、`), a
 * conversion-artifact fix removes the page number or web-page line it names.
 */
const REPLACES_ITS_TARGET: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'row-total',
  'results-total',
  'balance',
  'review-total',
  'heading-numbering',
  'conversion-artifact',
  // 「改为 N」 on the prose number that contradicts the table.
  'narrative-mismatch',
]);

function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function multiset(values: Iterable<string>): Multiset {
  const m: Multiset = new Map();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** Every run of digits. */
export function numbersOf(text: string): Multiset {
  return multiset(asciiDigits(text).match(/\d+/g) ?? []);
}

/** Every number written with a minus sign (`-7`, `－7`, `−7`); not a range `1-3`, not a word `a-1`. */
export function negativesOf(text: string): Multiset {
  return multiset([...asciiDigits(text).matchAll(/(?<![\dA-Za-z_)）\]】])[-−－](\d+)/g)].map((m) => `-${m[1]}`));
}

/** a − b as multisets (what a has more of). */
export function minus(a: Multiset, b: Multiset): Multiset {
  const out: Multiset = new Map();
  for (const [k, n] of a) {
    const d = n - (b.get(k) ?? 0);
    if (d > 0) out.set(k, d);
  }
  return out;
}

export function isEmpty(m: Multiset): boolean {
  return m.size === 0;
}

export function show(m: Multiset): string {
  return [...m].map(([k, n]) => (n > 1 ? `${k}×${n}` : k)).join(', ');
}

/** The text a fix replaces as its target (for the fixes of REPLACES_ITS_TARGET), else ''. */
export function targetTextOf(finding: Finding, text: string): string {
  if (!REPLACES_ITS_TARGET.has(finding.code)) return '';
  const lines = documentLines(text);
  const { start, end } = finding.range;
  if (start.line === end.line) {
    // A number split out of digits run together (`1000001` read as 1 0 0 0 0 0 | 1) is replaced inside its
    // run: the run is what changes.
    const line = lines[start.line] ?? '';
    let from = start.character;
    let to = end.character;
    const isDigit = (i: number) => /[0-9０-９]/.test(line[i] ?? '');
    if (to > from && isDigit(from) && isDigit(to - 1)) {
      while (isDigit(from - 1)) from--;
      while (isDigit(to)) to++;
    }
    return line.slice(from, to);
  }
  return [
    lines[start.line]?.slice(start.character) ?? '',
    ...lines.slice(start.line + 1, end.line),
    lines[end.line]?.slice(0, end.character) ?? '',
  ].join('\n');
}

/**
 * What is wrong with going from `before` to `after`, given the texts the applied fixes were allowed to
 * replace: numbers gone that no target accounts for, and negative numbers that were not there.
 */
export function numberProblems(before: string, after: string, targets: readonly string[]): string[] {
  const problems: string[] = [];
  const allowed = numbersOf(targets.join('\n'));
  const lost = minus(minus(numbersOf(before), numbersOf(after)), allowed);
  if (!isEmpty(lost)) problems.push(`numbers disappeared: ${show(lost)}`);
  const negatives = minus(negativesOf(after), negativesOf(before));
  if (!isEmpty(negatives)) problems.push(`negative numbers written: ${show(negatives)}`);
  return problems;
}

/** The problems of every single quick-fix of `findings` (made for `text`), each applied alone. */
export function quickFixNumberProblems(text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const after = applyEdits(text, f.fix.edits);
    for (const p of numberProblems(text, after, [targetTextOf(f, text)])) problems.push(`${f.code} 「${f.fix.title}」: ${p}`);
  }
  return problems;
}

/** The targets fix-all was allowed to replace: what its fixed findings say they replaced. */
export function fixAllTargets(fixed: readonly Finding[]): string[] {
  return fixed.filter((f) => REPLACES_ITS_TARGET.has(f.code)).map((f) => String(f.data?.replaced ?? ''));
}
