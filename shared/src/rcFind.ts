// Where `.nianbaorc.json` is: a walk up the folders, apart from reading and validating the file (rcFile.ts),
// so that a CLI run that finds none never loads the validation (zod's schemas, the JSONC parser).

import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RC_FILE_NAME } from './configValues';

/** The nearest `.nianbaorc.json` in `dir` or a folder above it (up to `stopAt` inclusive, else the root). */
export function findRcFile(dir: string, stopAt?: string): string | undefined {
  let current = resolve(dir);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (;;) {
    const candidate = join(current, RC_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (current === stop) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
