// Finding and reading `.nianbaorc.json` on disk (the server and the CLI). Never throws: an unreadable
// or invalid file comes back as problems with the valid part of its configuration.

import { readFileSync } from 'node:fs';
import { parseRcText, type RcFileResult } from './config';

export { findRcFile } from './rcFind';

export interface LoadedRcFile extends RcFileResult {
  path: string;
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
