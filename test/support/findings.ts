// Helpers shared by tests that look at findings: readable dumps for assertion messages
// and checks that every range stays inside the document.

import assert from 'node:assert/strict';
import { checkText } from '../../shared/src/engine';
import type { Finding, Range } from '../../shared/src/model';
import { nth } from './defined';

/** The findings of a text, asserting that no rule threw. */
export function checkedFindings(text: string): Finding[] {
  const errors: string[] = [];
  const result = checkText(text, { onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  return result.findings;
}

/** Lines as LSP sees them: \r\n, \n and a lone \r each end a line. */
export function documentLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The source text a range covers (single-line ranges only; otherwise the first line's part). */
export function textAt(lines: readonly string[], range: Range): string {
  const line = lines[range.start.line];
  if (line === undefined) return '<no such line>';
  const end = range.end.line === range.start.line ? range.end.character : line.length;
  return line.slice(range.start.character, end);
}

export function describeFinding(finding: Finding, lines: readonly string[]): string {
  return `${finding.severity} ${finding.code} @${formatRange(finding.range)} «${textAt(lines, finding.range)}» ${finding.message}`;
}

/** One finding per line, for assertion messages. */
export function describeFindings(findings: readonly Finding[], text: string): string {
  if (findings.length === 0) return '  (no findings)';
  const lines = documentLines(text);
  return findings.map((f) => `  ${describeFinding(f, lines)}`).join('\n');
}

/** Why a range does not fit the document, or undefined when it does. */
export function rangeProblem(range: Range, lines: readonly string[]): string | undefined {
  for (const [name, position] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    if (!Number.isInteger(position.line) || !Number.isInteger(position.character)) return `${name} is not an integer position`;
    if (position.line < 0 || position.line >= lines.length) return `${name} line ${position.line} outside 0..${lines.length - 1}`;
    const length = nth(lines, position.line, 'line').length;
    if (position.character < 0 || position.character > length) {
      return `${name} character ${position.character} outside 0..${length} on line ${position.line}`;
    }
  }
  const startsAfterEnd =
    range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character);
  return startsAfterEnd ? 'start after end' : undefined;
}

/** Every range a finding carries (its own, related information, fix edits) that does not fit the document. */
export function findingRangeProblems(findings: readonly Finding[], text: string): string[] {
  const lines = documentLines(text);
  const problems: string[] = [];
  for (const finding of findings) {
    const ranges: [string, Range][] = [
      ['range', finding.range],
      ...(finding.related ?? []).map((r, i): [string, Range] => [`related[${i}]`, r.range]),
      ...(finding.fix?.edits ?? []).map((e, i): [string, Range] => [`fix.edits[${i}]`, e.range]),
    ];
    for (const [where, range] of ranges) {
      const problem = rangeProblem(range, lines);
      if (problem) problems.push(`${finding.code} ${where} ${formatRange(range)}: ${problem}`);
    }
  }
  return problems;
}
