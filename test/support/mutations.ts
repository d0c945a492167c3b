// Mutated reports for the fuzz test (issue 6): the corpus and generated reports in every encoding,
// with lines deleted, duplicated, swapped and joined, digits changed, tabs and pipes inserted, labels
// cut in the middle. Seeded: the same seed gives the same cases, so a failure can be reproduced.

import assert from 'node:assert/strict';

import { ENCODINGS, consistentData, mulberry32, renderReport } from './reportFixture';
import { nth } from './defined';
import { CORPUS_DIR, corpusReports, corpusText } from './corpus';

export function bases(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const name of corpusReports()) out.push({ name: `corpus ${name}`, text: corpusText(name) });
  assert.ok(out.length > 0, `no corpus files in ${CORPUS_DIR}`);
  for (const encoding of ENCODINGS) {
    for (const seed of [1, 2]) {
      out.push({
        name: `generated ${encoding} #${seed}`,
        text: renderReport(consistentData(seed), encoding, seed === 2 ? '\r\n' : '\n').text,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mutations

export type Random = () => number;
export const int = (random: Random, n: number) => Math.floor(random() * n);

/** A position inside a line that does not split a surrogate pair. */
export function cut(random: Random, line: string): number {
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
      l.splice(i, 0, nth(l, i));
    },
  },
  {
    name: 'swap two lines',
    apply: (l, r) => {
      const i = int(r, l.length);
      const j = r() < 0.5 ? Math.min(l.length - 1, i + 1) : int(r, l.length);
      [l[i], l[j]] = [nth(l, j), nth(l, i)];
    },
  },
  {
    name: 'join two lines',
    apply: (l, r) => {
      const i = int(r, l.length - 1);
      if (i >= 0 && l.length > 1) l.splice(i, 2, nth(l, i) + nth(l, i + 1));
    },
  },
  {
    name: 'change digits',
    apply: (l, r) => {
      const i = int(r, l.length);
      l[i] = nth(l, i).replace(/\d+/g, (d) => (r() < 0.3 ? String(int(r, r() < 0.8 ? 10 : 100000)) : d));
    },
  },
  {
    name: 'insert a tab',
    apply: (l, r) => {
      const i = int(r, l.length);
      const at = cut(r, nth(l, i));
      l[i] = nth(l, i).slice(0, at) + '\t' + nth(l, i).slice(at);
    },
  },
  {
    name: 'insert a pipe',
    apply: (l, r) => {
      const i = int(r, l.length);
      const at = cut(r, nth(l, i));
      l[i] = nth(l, i).slice(0, at) + (r() < 0.7 ? '|' : ' | ') + nth(l, i).slice(at);
    },
  },
  {
    name: 'cut a label in the middle',
    apply: (l, r) => {
      // A line with Chinese label text: cut inside it, dropping the rest or moving it to the next line.
      for (let tries = 0; tries < 20; tries++) {
        const i = int(r, l.length);
        const labels = [...nth(l, i).matchAll(CJK_LABEL)];
        if (labels.length === 0) continue;
        const m = nth(labels, int(r, labels.length));
        const at = m.index + 1 + int(r, m[0].length - 1);
        const rest = nth(l, i).slice(at);
        l[i] = nth(l, i).slice(0, at);
        if (r() < 0.6) l.splice(i + 1, 0, rest);
        return;
      }
    },
  },
  {
    name: 'blank a cell',
    apply: (l, r) => {
      const i = int(r, l.length);
      l[i] = nth(l, i).replace(/\d+/, r() < 0.5 ? '' : pickOf(r, ['/', '—', '无', '-', '１２', '1,234', '8(减)']));
    },
  },
];

export function pickOf<T>(random: Random, items: readonly T[]): T {
  return nth(items, int(random, items.length));
}

export function mutate(text: string, random: Random): { text: string; log: string[] } {
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

/** The mutated cases, the same for every property: `count` cases from the seed. */
export function* cases(seed: number, count: number): Generator<{ n: number; text: string; where: string; force: boolean }> {
  const random = mulberry32(seed);
  const sources = bases();
  for (let n = 0; n < count; n++) {
    const base = nth(sources, int(random, sources.length));
    const { text, log } = mutate(base.text, random);
    yield { n, text, where: `case ${n} (${base.name}: ${log.join(', ')})`, force: random() < 0.5 };
  }
}
