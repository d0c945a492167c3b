// Fuzzing (issue 6): a seeded generator of our own mutates the corpus reports and generated reports in
// every encoding — lines deleted, duplicated, swapped and joined, digits changed, tabs and pipes
// inserted, labels cut in the middle — and checks thousands of the results. For every case:
//   - checking neither throws nor makes a rule fail;
//   - every range (finding, related information, fix edit) lies inside the document;
//   - the edits of one fix do not overlap (a WorkspaceEdit must not);
//   - on every FIX_ALL_EVERY-th case: fix-all, then a re-check, never yields more arithmetic findings
//     (row-total, results-total, balance, review-total) than the mutated text had.
// Reproduce a failure with the seed and case number printed: NIANBAO_FUZZ_SEED=<seed> NIANBAO_FUZZ_CASES=<n>.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

import { checkText } from '../shared/src/engine';
import { emptyReaderCache, readReport } from '../shared/src/reader';
import * as fixes from '../shared/src/fixes/index';
import type { Finding, FindingCode, Range } from '../shared/src/model';
import { findingRangeProblems, formatRange } from './support/findings';
import { ENCODINGS, consistentData, mulberry32, renderReport } from './support/reportFixture';

const SEED = Number(process.env.NIANBAO_FUZZ_SEED ?? 20250131);
const CASES = Number(process.env.NIANBAO_FUZZ_CASES ?? 5000);
const FIX_ALL_EVERY = 5;
const MAX_REPORTED = 6;
const ARITHMETIC: ReadonlySet<FindingCode> = new Set<FindingCode>(['row-total', 'results-total', 'balance', 'review-total']);

const CORPUS_DIR = resolve(process.cwd(), '../shared/corpus');

function bases(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const name of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    out.push({ name: `corpus ${name}`, text: readFileSync(join(CORPUS_DIR, name), 'utf8') });
  }
  assert.ok(out.length > 0, `no corpus files in ${CORPUS_DIR}`);
  for (const encoding of ENCODINGS) {
    for (const seed of [1, 2]) {
      out.push({ name: `generated ${encoding} #${seed}`, text: renderReport(consistentData(seed), encoding, seed === 2 ? '\r\n' : '\n').text });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mutations

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);

/** A position inside a line that does not split a surrogate pair. */
function cut(random: Random, line: string): number {
  let at = int(random, line.length + 1);
  if (at > 0 && at < line.length && line.charCodeAt(at) >= 0xdc00 && line.charCodeAt(at) <= 0xdfff) at--;
  return at;
}

const CJK_LABEL = /[\u4e00-\u9fff（）]{3,}/g;

interface Mutation {
  name: string;
  apply(lines: string[], random: Random): void;
}

const MUTATIONS: readonly Mutation[] = [
  { name: 'delete a line', apply: (l, r) => void l.splice(int(r, l.length), 1) },
  {
    name: 'duplicate a line',
    apply: (l, r) => {
      const i = int(r, l.length);
      l.splice(i, 0, l[i]);
    },
  },
  {
    name: 'swap two lines',
    apply: (l, r) => {
      const i = int(r, l.length);
      const j = r() < 0.5 ? Math.min(l.length - 1, i + 1) : int(r, l.length);
      [l[i], l[j]] = [l[j], l[i]];
    },
  },
  {
    name: 'join two lines',
    apply: (l, r) => {
      const i = int(r, l.length - 1);
      if (i >= 0 && l.length > 1) l.splice(i, 2, l[i] + l[i + 1]);
    },
  },
  {
    name: 'change digits',
    apply: (l, r) => {
      const i = int(r, l.length);
      l[i] = l[i].replace(/\d+/g, (d) => (r() < 0.3 ? String(int(r, r() < 0.8 ? 10 : 100000)) : d));
    },
  },
  {
    name: 'insert a tab',
    apply: (l, r) => {
      const i = int(r, l.length);
      const at = cut(r, l[i]);
      l[i] = l[i].slice(0, at) + '\t' + l[i].slice(at);
    },
  },
  {
    name: 'insert a pipe',
    apply: (l, r) => {
      const i = int(r, l.length);
      const at = cut(r, l[i]);
      l[i] = l[i].slice(0, at) + (r() < 0.7 ? '|' : ' | ') + l[i].slice(at);
    },
  },
  {
    name: 'cut a label in the middle',
    apply: (l, r) => {
      // A line with Chinese label text: cut inside it, dropping the rest or moving it to the next line.
      for (let tries = 0; tries < 20; tries++) {
        const i = int(r, l.length);
        const labels = [...l[i].matchAll(CJK_LABEL)];
        if (labels.length === 0) continue;
        const m = labels[int(r, labels.length)];
        const at = m.index + 1 + int(r, m[0].length - 1);
        const rest = l[i].slice(at);
        l[i] = l[i].slice(0, at);
        if (r() < 0.6) l.splice(i + 1, 0, rest);
        return;
      }
    },
  },
  {
    name: 'blank a cell',
    apply: (l, r) => {
      const i = int(r, l.length);
      l[i] = l[i].replace(/\d+/, r() < 0.5 ? '' : pickOf(r, ['/', '—', '无', '-', '１２', '1,234', '8(减)']));
    },
  },
];

function pickOf<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)];
}

function mutate(text: string, random: Random): { text: string; log: string[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(eol);
  const log: string[] = [];
  const count = 1 + int(random, 4);
  for (let k = 0; k < count && lines.length > 1; k++) {
    const m = pickOf(random, MUTATIONS);
    m.apply(lines, random);
    log.push(m.name);
  }
  return { text: lines.join(eol), log };
}

// ---------------------------------------------------------------------------
// Properties

function compare(a: Range['start'], b: Range['start']): number {
  return a.line - b.line || a.character - b.character;
}

/** Edits of one fix that overlap (LSP: the edits of one WorkspaceEdit must not overlap). */
function overlappingEdits(finding: Finding): string[] {
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  const problems: string[] = [];
  for (let i = 1; i < edits.length; i++) {
    if (compare(edits[i - 1].range.end, edits[i].range.start) > 0) {
      problems.push(`${finding.code} fix edits overlap: ${formatRange(edits[i - 1].range)} and ${formatRange(edits[i].range)}`);
    }
  }
  return problems;
}

const arithmeticCount = (findings: readonly Finding[]) => findings.filter((f) => ARITHMETIC.has(f.code)).length;

type FixAll = (text: string, options?: { force?: boolean }) => { text: string } | string;
const fixAll = (fixes as { fixAll?: FixAll }).fixAll;

function fixedText(text: string): string {
  const result = fixAll!(text, { force: true });
  return typeof result === 'string' ? result : result.text;
}

/** The mutated cases, the same for every property: `count` cases from the seed. */
function* cases(seed: number, count: number): Generator<{ n: number; text: string; where: string; force: boolean }> {
  const random = mulberry32(seed);
  const sources = bases();
  for (let n = 0; n < count; n++) {
    const base = sources[int(random, sources.length)];
    const { text, log } = mutate(base.text, random);
    yield { n, text, where: `case ${n} (${base.name}: ${log.join(', ')})`, force: random() < 0.5 };
  }
}

const describeError = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

test(`fuzz: ${CASES} mutated reports (seed ${SEED}): no throw, no rule error, ranges inside, fix edits apart`, { timeout: 180_000 }, () => {
  const problems: string[] = [];
  for (const { text, where, force } of cases(SEED, CASES)) {
    if (problems.length >= MAX_REPORTED) break;
    const ruleErrors: string[] = [];
    let findings: Finding[];
    try {
      findings = checkText(text, { force, onRuleError: (code, e) => ruleErrors.push(`${code}: ${String(e)}`) }).findings;
    } catch (error) {
      problems.push(`${where}: checkText threw ${describeError(error)}`);
      continue;
    }
    problems.push(...ruleErrors.map((e) => `${where}: rule error ${e}`));
    problems.push(...findingRangeProblems(findings, text).map((p) => `${where}: ${p}`));
    for (const f of findings) problems.push(...overlappingEdits(f).map((p) => `${where}: ${p}`));
  }
  assert.deepEqual(problems, [], `seed ${SEED}: problems (first ${MAX_REPORTED})`);
});

test('fuzz: reading each version of an edited document with the cache of the previous one gives the model read afresh', { timeout: 180_000 }, () => {
  const random = mulberry32(SEED + 1);
  const sources = bases();
  let versions = 0;
  for (let session = 0; session < 60; session++) {
    const cache = emptyReaderCache();
    let text = sources[session % sources.length].text;
    for (let step = 0; step < 25; step++, versions++) {
      const cached = readReport(text, cache);
      const fresh = readReport(text);
      assert.deepStrictEqual(cached, fresh, `session ${session}, step ${step}`);
      if (random() < 0.7) {
        // A keystroke: one character typed or deleted somewhere.
        const lines = text.split('\n');
        const i = int(random, lines.length);
        const at = cut(random, lines[i]);
        lines[i] = random() < 0.5 ? lines[i].slice(0, at) + pickOf(random, ['1', '|', '\t', ' ', '、', '一', '总']) + lines[i].slice(at) : lines[i].slice(0, at) + lines[i].slice(at + 1);
        text = lines.join('\n');
      } else {
        text = mutate(text, random).text;
      }
    }
  }
  assert.ok(versions >= 1000);
});

/**
 * Known counterexamples (issue 3, fix-all): a row-missing fix inserts a row of zeros, which breaks the
 * balance it took part in; row-total and balance fixes of the same 总计 cell disagree and fix-all
 * alternates between them. While they stand, this property runs as a TODO: its failures are printed,
 * not counted. Set to undefined once fix-all keeps the arithmetic.
 */
const FIX_ALL_PROPERTY_TODO: string | undefined =
  'fix-all can add arithmetic findings (row-missing inserts zeros; row-total and balance fixes disagree): see issue 3';

test(
  `fuzz: fix-all then re-check never adds arithmetic findings (every ${FIX_ALL_EVERY}th of ${CASES} cases, seed ${SEED})`,
  { timeout: 180_000, skip: fixAll ? false : 'shared/src/fixes/index.ts does not export fixAll(text, options?)', todo: FIX_ALL_PROPERTY_TODO },
  () => {
    const problems: string[] = [];
    let tried = 0;
    for (const { n, text, where } of cases(SEED, CASES)) {
      if (n % FIX_ALL_EVERY !== 0) continue;
      tried++;
      try {
        const before = arithmeticCount(checkText(text, { force: true }).findings);
        const after = arithmeticCount(checkText(fixedText(text), { force: true }).findings);
        if (after > before) problems.push(`${where}: fix-all left ${after} arithmetic findings, ${before} before`);
      } catch (error) {
        problems.push(`${where}: fix-all threw ${describeError(error)}`);
      }
    }
    assert.deepEqual(problems.slice(0, MAX_REPORTED), [], `seed ${SEED}: ${problems.length} problems in ${tried} fix-all cases (first ${MAX_REPORTED} shown)`);
  },
);
