// The corpus of real reports (../shared/corpus, with its EXPECTED.md), in one place for every test and
// the benchmark. Paths are relative to the repository root, where the tests run: the CLI prints a path
// as it was given, so tests that compare its output pass these paths as they are.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join('..', 'shared', 'corpus');

/** The file names of the reports (every .txt of the corpus), sorted. */
export function corpusReports(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** The path of a corpus file, by its name or the start of its name (`'003'`). */
export function corpusFile(nameOrPrefix: string): string {
  const name = readdirSync(CORPUS_DIR).find((n) => n === nameOrPrefix || n.startsWith(nameOrPrefix));
  if (name === undefined) throw new Error(`no corpus file ${nameOrPrefix} in ${CORPUS_DIR}`);
  return join(CORPUS_DIR, name);
}

/** The text of a corpus file, by its name or the start of its name. */
export function corpusText(nameOrPrefix: string): string {
  return readFileSync(corpusFile(nameOrPrefix), 'utf8');
}
