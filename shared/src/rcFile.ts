// Finding and reading `.nianbaorc.json` on disk (the server and the CLI). Never throws: an unreadable
// or invalid file comes back as problems with the valid part of its configuration.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseRcText, RC_FILE_NAME, type RcFileResult } from './config';

export interface LoadedRcFile extends RcFileResult {
  path: string;
}

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

/** Reads and validates one `.nianbaorc.json`. */
export function loadRcFile(path: string): LoadedRcFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const start = { line: 0, character: 0 };
    return { path, config: {}, problems: [{ range: { start, end: start }, message: `无法读取配置文件：${reason}` }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = ' ' + text.slice(1);
  return { path, ...parseRcText(text) };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
