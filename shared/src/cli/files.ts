// Which files to check and how to read them. Reading never throws: problems come back as a reason.

import * as buffer from 'node:buffer';
import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../inputs/kinds';

/** A path that could not be checked; `message` is one Chinese sentence naming the path. */
export interface FileProblem {
  path: string;
  message: string;
}

export function unreadableFile(path: string, reason: string): FileProblem {
  return { path, message: `无法读取文件 ${path}：${reason}` };
}

/** A file above the size limit: named, not read. */
export function tooLargeFile(path: string, size: number, maxSize: number): FileProblem {
  return { path, message: `跳过文件 ${path}：${formatBytes(size)}，超过大小上限 ${formatBytes(maxSize)}（可用 --max-size 调整）` };
}

/** 10485760 → 「10 MB」, 1536 → 「1.5 KB」. */
export function formatBytes(bytes: number): string {
  const units = ['字节', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? String(value) : String(Math.round(value * 10) / 10);
  return `${shown} ${units[unit]}`;
}

export interface CollectOptions {
  /** Files larger than this many bytes are reported and not read. */
  maxSize: number;
}

export interface CollectedFiles {
  /** Files to check, in argument order; files found in a directory are sorted. */
  files: string[];
  problems: FileProblem[];
}

/** `bom`: the file started with a BOM (removed from `text`, written back by --fix). */
export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

/** Text files, and the Word documents and web pages read through shared/src/inputs. */
const REPORT_EXTENSIONS = ['.txt', '.md', ...DOCUMENT_EXTENSIONS];
const FORCED_REPORT_SUFFIXES = ['.nianbao.md', '.nianbao.txt'];

/** Files named `*.nianbao.md` / `*.nianbao.txt` are reports by name: check them even if they do not look like one. */
export function isReportByName(path: string): boolean {
  const lower = path.toLowerCase();
  return FORCED_REPORT_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

function hasReportExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return REPORT_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Skipped while walking a directory: hidden entries and installed packages. */
function isSkippedDirectory(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every `*.txt` / `*.md` / `*.docx` / `*.html` / `*.htm` file below `dir`, depth first, entries sorted by name. */
function walkDirectory(dir: string, files: string[], problems: FileProblem[], options: CollectOptions): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareNames);
  } catch (error) {
    problems.push({ path: dir, message: `无法读取目录 ${dir}：${describeFsError(error)}` });
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      continue; // a dangling link inside a directory is not the user's argument
    }
    if (stats.isDirectory()) {
      if (!isSkippedDirectory(name)) walkDirectory(path, files, problems, options);
    } else if (stats.isFile() && hasReportExtension(name)) {
      if (stats.size > options.maxSize) problems.push(tooLargeFile(path, stats.size, options.maxSize));
      else files.push(path);
    }
  }
}

/** Expands the command-line paths: files as given, directories walked for `*.txt`, `*.md`, `*.docx`, `*.html` and `*.htm`. */
export function collectFiles(paths: readonly string[], options: CollectOptions): CollectedFiles {
  const files: string[] = [];
  const problems: FileProblem[] = [];
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push(unreadableFile(path, describeFsError(error)));
      continue;
    }
    if (stats.isDirectory()) {
      const before = files.length;
      const problemsBefore = problems.length;
      walkDirectory(path, files, problems, options);
      if (files.length === before && problems.length === problemsBefore) {
        problems.push({ path, message: `目录 ${path} 中没有 .txt、.md、.docx 或 .html 文件` });
      }
    } else if (stats.size > options.maxSize) {
      problems.push(tooLargeFile(path, stats.size, options.maxSize));
    } else {
      files.push(path);
    }
  }
  return { files: [...new Set(files)], problems };
}

/** Strict UTF-8 (a decoder keeps no state between calls with fatal errors and without streaming). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** node:buffer isUtf8 (Node ≥ 18.14), if this Node has it. */
const isUtf8: ((input: Uint8Array) => boolean) | undefined = (buffer as { isUtf8?: (input: Uint8Array) => boolean }).isUtf8;

/** Turns the bytes of a file into text: UTF-8 only, BOM removed, no NUL bytes (a binary file). */
export function decodeReportBytes(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { ok: false, reason: '包含 NUL 字节，不是文本文件' };
  let text: string;
  // Node's own UTF-8 check and decoding where it has them (much faster than TextDecoder over 1,000 files).
  if (isUtf8 !== undefined) {
    if (!isUtf8(bytes)) return { ok: false, reason: '不是有效的 UTF-8 文本' };
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  } else {
    try {
      text = UTF8.decode(bytes);
    } catch {
      return { ok: false, reason: '不是有效的 UTF-8 文本' };
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { ok: true, text, bom };
}

export function readReportFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
  return decodeReportBytes(bytes);
}

/** A file-system error in one Chinese phrase, without a stack trace. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '是一个目录';
    case 'ENOTDIR':
      return '路径中有一部分不是目录';
    case 'ELOOP':
      return '符号链接循环';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
