// Broken input must never make the core throw, make a rule fail, or produce a range
// outside the document: random texts, truncated and shuffled real reports, truncated
// generated reports.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { checkText } from '../shared/src/engine';
import type { Finding } from '../shared/src/model';
import { SECTIONS, TABLE2_2019, TABLE2_2021, TABLE3_2021, TABLE4, standardHeading } from '../shared/src/template';
import { nth } from './support/defined';
import { findingRangeProblems } from './support/findings';
import { ENCODINGS, consistentData, mulberry32, pick, randomInt, renderReport } from './support/reportFixture';
import { CORPUS_DIR, corpusReports, corpusText } from './support/corpus';

const TRUNCATION_STEP = 50;
const MAX_REPORTED_PROBLEMS = 8;

/** Problems found when checking one text: a throw, a rule error, a range outside the text. */
function problemsOf(text: string, label: string): string[] {
  const ruleErrors: string[] = [];
  let findings: Finding[];
  try {
    findings = checkText(text, { force: true, onRuleError: (code, error) => ruleErrors.push(`${code}: ${describeError(error)}`) }).findings;
  } catch (error) {
    return [`${label}: checkText threw ${describeError(error)}`];
  }
  return [...ruleErrors.map((e) => `${label}: rule error ${e}`), ...findingRangeProblems(findings, text).map((p) => `${label}: ${p}`)];
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ') : String(error);
}

function assertNoProblems(problems: string[], inputs: number): void {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).join('\n');
  const more = problems.length > MAX_REPORTED_PROBLEMS ? `\n… ${problems.length - MAX_REPORTED_PROBLEMS} more` : '';
  assert.equal(problems.length, 0, `${problems.length} problems over ${inputs} inputs:\n${shown}${more}`);
}

/** The first n, 2n, 3n … lines of a text, then the whole text. */
function truncations(text: string, step: number): { lines: number; text: string }[] {
  const lines = text.split('\n');
  const cuts: { lines: number; text: string }[] = [];
  for (let count = step; count < lines.length; count += step) cuts.push({ lines: count, text: lines.slice(0, count).join('\n') });
  cuts.push({ lines: lines.length, text });
  return cuts;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [nth(copy, j), nth(copy, i)];
  }
  return copy;
}

function corpusFiles(): { name: string; text: string }[] {
  const names = corpusReports();
  assert.ok(names.length > 0, `no corpus files in ${CORPUS_DIR}`);
  return names.map((name) => ({ name, text: corpusText(name) }));
}

// ---------------------------------------------------------------------------
// Random texts made of the pieces reports are made of

const LABEL_FRAGMENTS: readonly string[] = [
  ...[TABLE2_2021, TABLE2_2019, TABLE3_2021, TABLE4].flatMap((t) => [
    ...t.rows.map((r) => r.label),
    ...t.groups.map((g) => g.label),
    ...t.headers,
  ]),
  ...SECTIONS.flatMap((s) => [standardHeading(s.number), ...s.variants, `${s.number}、${s.title}`, `## ${s.numeral}、${s.title}`]),
  '年政府信息公开工作年度报告',
  '卫生健康局',
  '统计期限自2023年1月1日起至2023年12月31日止',
  '2024年1月15日',
  '共收到政府信息公开申请',
  '未收到',
  '信息处理费',
  '行政复议',
  '行政诉讼',
  '件',
  '三、',
  '（三）',
  '(六)',
  '1、',
  '自\n然\n人',
  '8(减)',
  '—',
  '/',
  '无',
  '[bookmark: _GoBack]',
  '-3-',
  '|---|---|',
  '| ',
  ' |',
  '１２',
  '1,234',
  '7730.28',
  '21710000218',
];

const SEPARATORS: readonly string[] = [
  '|',
  '\t',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '    ',
  '\u3000',
  '\n\n',
  '\0',
  '\ud800',
  '\udc00',
  '\udbff\udfff',
  '\ufeff',
  '#',
];

function randomPiece(random: () => number): string {
  const kind = random();
  if (kind < 0.35) return pick(random, LABEL_FRAGMENTS);
  if (kind < 0.6) return String(randomInt(random, 0, random() < 0.8 ? 99 : 99999999));
  if (kind < 0.95) return pick(random, SEPARATORS);
  // A random UTF-16 code unit, lone surrogates included.
  return String.fromCharCode(randomInt(random, 0, 0xffff));
}

function randomText(random: () => number): string {
  const pieces = randomInt(random, 0, 600);
  let text = '';
  for (let i = 0; i < pieces; i++) text += randomPiece(random);
  return text;
}

// ---------------------------------------------------------------------------

test('the range check itself rejects ranges outside the text', () => {
  const at = (line: number, character: number) => ({ line, character });
  const finding = (start: [number, number], end: [number, number]): Finding => ({
    code: 'row-total',
    severity: 'error',
    message: '',
    range: { start: at(...start), end: at(...end) },
  });
  const text = 'ab\r\ncde\rf\n';
  assert.deepEqual(findingRangeProblems([finding([0, 0], [0, 2]), finding([1, 3], [2, 1]), finding([3, 0], [3, 0])], text), []);
  for (const bad of [finding([0, 0], [0, 3]), finding([4, 0], [4, 0]), finding([1, 2], [1, 1]), finding([-1, 0], [0, 0])]) {
    assert.equal(findingRangeProblems([bad], text).length, 1, JSON.stringify(bad.range));
  }
  const badFix: Finding = {
    ...finding([0, 0], [0, 1]),
    fix: { title: '', edits: [{ range: { start: at(2, 0), end: at(2, 5) }, newText: '' }] },
  };
  assert.equal(findingRangeProblems([badFix], text).length, 1);
});

test('300 random texts: no throw, no rule error, every range inside the text', () => {
  const random = mulberry32(20240115);
  const problems: string[] = [];
  for (let i = 0; i < 300; i++) problems.push(...problemsOf(randomText(random), `random text #${i}`));
  assertNoProblems(problems, 300);
});

test('corpus files truncated after every 50th line', () => {
  const problems: string[] = [];
  let inputs = 0;
  for (const file of corpusFiles()) {
    for (const cut of truncations(file.text, TRUNCATION_STEP)) {
      inputs++;
      problems.push(...problemsOf(cut.text, `${file.name}, first ${cut.lines} lines`));
    }
  }
  assertNoProblems(problems, inputs);
});

test('corpus files with their lines shuffled (5 shuffles each)', () => {
  const problems: string[] = [];
  let inputs = 0;
  corpusFiles().forEach((file, fileIndex) => {
    const lines = file.text.split('\n');
    for (let round = 0; round < 5; round++) {
      const random = mulberry32(1000 * (fileIndex + 1) + round);
      inputs++;
      problems.push(...problemsOf(shuffled(lines, random).join('\n'), `${file.name}, shuffle ${round}`));
    }
  });
  assertNoProblems(problems, inputs);
});

test('generated reports in every encoding truncated after every 50th line', () => {
  const problems: string[] = [];
  let inputs = 0;
  for (const encoding of ENCODINGS) {
    for (const eol of ['\n', '\r\n'] as const) {
      const { text } = renderReport(consistentData(5), encoding, eol);
      for (const cut of truncations(text, TRUNCATION_STEP)) {
        inputs++;
        problems.push(...problemsOf(cut.text, `${encoding} ${JSON.stringify(eol)}, first ${cut.lines} lines`));
      }
    }
  }
  assertNoProblems(problems, inputs);
});
