// Which files to check and how to read them. Reading never throws: problems come back as a reason.

import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DOCUMENT_EXTENSIONS } from '../inputs/kinds';
import { hasExtension, isSkippedDirectory, TEXT_REPORT_EXTENSIONS } from '../reportFiles';
import { decodeBytes, type DecodedText } from '../inputs/encoding';
import { compareCodeUnits } from '../text';

/** A path that could not be checked; `message` is one Chinese sentence naming the path. */
export interface FileProblem {
  path: string;
  message: string;
}

export function unreadableFile(path: string, reason: string): FileProblem {
  return { path, message: `无法读取文件 ${path}：${reason}` };
}

/** A file above the size limit: named, not read. */
function tooLargeFile(path: string, size: number, maxSize: number): FileProblem {
  return { path, message: `跳过文件 ${path}：${formatBytes(size)}，超过大小上限 ${formatBytes(maxSize)}（可用 --max-size 调整）` };
}

/** 10485760 → 「10 MB」, 1536 → 「1.5 KB」. */
function formatBytes(bytes: number): string {
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

/**
 * A file's text and how to write it back: `encoding` and `bom` (removed from `text`) as decodeBytes found
 * them; `bytes` as read, so that a writer can tell whether the file changed on disk since.
 */
export type ReadResult = ({ ok: true; bytes: Buffer } & DecodedText) | { ok: false; reason: string };

/** Text files, and the Word documents and web pages read through shared/src/inputs. */
const REPORT_EXTENSIONS = [...TEXT_REPORT_EXTENSIONS, ...DOCUMENT_EXTENSIONS];

/** Standard input as a path (`nianbao check -`) and as the file name in the output. */
export const STDIN_PATH = '-';
export const STDIN_NAME = '<stdin>';

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** A device, socket or FIFO named on the command line: what it is, for the message that skips it. */
function specialFileKind(stats: Stats): string | undefined {
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return '是设备文件，不是文本文件';
  if (stats.isSocket()) return '是套接字，不是文本文件';
  return undefined;
}

/**
 * One walk over the command-line paths, as a stream: a file is handed on as soon as it is found, and what
 * the walk keeps does not grow with the number of files (folders by real path, the files reached through a
 * symbolic link, the arguments), so that 100,000 files take no more memory than 100.
 *
 * A file is walked once however it is reached: a folder whose real path was already walked is not walked
 * again, and a file whose real path was already seen is passed over. A file found in a folder without a
 * link in between has its folder's real path and its own name as real path, and it can only have been
 * seen before through a link (kept in `linked`); a file reached through a link was seen before if its
 * real path was (`linked`) or if its real folder's walk has already passed its name.
 */
class Walker {
  /** Real paths of the folders walked: the name being walked in each, or null once it is done. */
  private readonly dirs = new Map<string, string | null>();
  /** Real paths of the files reached through a symbolic link. */
  private readonly linked = new Set<string>();
  /** Files and problems so far (a folder that gives neither is named). */
  found = 0;
  problems = 0;

  constructor(
    private readonly options: CollectOptions,
    private readonly onProblem: (problem: FileProblem) => void,
  ) {}

  problem(problem: FileProblem): void {
    this.problems++;
    this.onProblem(problem);
  }

  /**
   * Every `*.txt` / `*.md` / `*.docx` / `*.html` / `*.htm` file below `dir`, depth first, entries sorted by name. A symbolic link to a
   * folder is followed once: a folder whose real path was already walked (a loop, a second link) is not
   * walked again. Devices, FIFOs and sockets are skipped without being opened.
   */
  *directory(dir: string): Generator<string> {
    const real = realPath(dir);
    if (real === undefined || this.dirs.has(real)) return;
    this.dirs.set(real, '');
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareCodeUnits(a.name, b.name));
    } catch (error) {
      this.problem({ path: dir, message: `无法读取目录 ${dir}：${describeFsError(error)}` });
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      this.dirs.set(real, name);
      const path = join(dir, name);
      if (entry.isDirectory()) {
        if (!isSkippedDirectory(name)) yield* this.directory(path);
      } else if (entry.isFile()) {
        if (!hasExtension(name, REPORT_EXTENSIONS) || this.linked.has(join(real, name))) continue;
        let stats: Stats;
        try {
          stats = statSync(path);
        } catch {
          continue;
        }
        yield* this.file(path, stats.size);
      } else {
        // A symbolic link (or an entry whose kind the folder does not tell): what it points to decides.
        let stats: Stats;
        try {
          stats = statSync(path);
        } catch {
          continue; // a dangling link inside a directory is not the user's argument
        }
        if (stats.isDirectory()) {
          if (!isSkippedDirectory(name)) yield* this.directory(path);
        } else if (stats.isFile() && hasExtension(name, REPORT_EXTENSIONS)) {
          const realFile = realPath(path) ?? path;
          if (this.linked.has(realFile) || this.walkedPast(realFile)) continue;
          this.linked.add(realFile);
          yield* this.file(path, stats.size);
        }
      }
    }
    this.dirs.set(real, null);
  }

  /** Has the walk of a real folder already passed this real file (a report file of that folder)? */
  private walkedPast(realFile: string): boolean {
    const at = this.dirs.get(dirname(realFile));
    if (at === undefined) return false;
    const name = basename(realFile);
    return hasExtension(name, REPORT_EXTENSIONS) && (at === null || compareCodeUnits(name, at) < 0);
  }

  /** A file found: handed on, or named when it is above the size limit. */
  *file(path: string, size: number): Generator<string> {
    if (size > this.options.maxSize) this.problem(tooLargeFile(path, size, this.options.maxSize));
    else {
      this.found++;
      yield path;
    }
  }
}

/**
 * Expands the command-line paths, one file after the other: files as given, directories walked for `*.txt`, `*.md`, `*.docx`, `*.html` and `*.htm`, `-` for
 * standard input. A named FIFO is read (`check <(iconv …)`), a device or socket is not. A path given twice,
 * or given and also found in a folder given, comes once (the first time). Problems go to `onProblem` as
 * they are met. Walking the same paths again gives the same files in the same order.
 */
export function* walkFiles(
  paths: readonly string[],
  options: CollectOptions,
  onProblem: (problem: FileProblem) => void,
): Generator<string> {
  const walk = new Walker(options, onProblem);
  // Only an argument's own path can come twice (folders are walked once, by real path).
  const named = new Set(paths);
  const given = new Set<string>();
  function* once(files: Iterable<string>): Generator<string> {
    for (const file of files) {
      if (named.has(file)) {
        if (given.has(file)) continue;
        given.add(file);
      }
      yield file;
    }
  }
  for (const path of paths) {
    if (path === STDIN_PATH) {
      yield* once([path]);
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      walk.problem(unreadableFile(path, describeFsError(error)));
      continue;
    }
    const special = specialFileKind(stats);
    if (stats.isDirectory()) {
      const before = walk.found;
      const problemsBefore = walk.problems;
      yield* once(walk.directory(path));
      if (walk.found === before && walk.problems === problemsBefore) {
        walk.problem({ path, message: `目录 ${path} 中没有 .txt、.md、.docx 或 .html 文件` });
      }
    } else if (special) {
      walk.problem({ path, message: `跳过 ${path}：${special}` });
    } else {
      yield* once(walk.file(path, stats.size));
    }
  }
}

/** The files of `paths` (see walkFiles) as a list, with the problems met. */
export function collectFiles(paths: readonly string[], options: CollectOptions): CollectedFiles {
  const problems: FileProblem[] = [];
  const files = [...walkFiles(paths, options, (problem) => problems.push(problem))];
  return { files, problems };
}

/** Turns the bytes of a file into text: see decodeBytes (UTF-8, UTF-16 with BOM, GB18030), BOM removed. */
export function decodeReportBytes(bytes: Uint8Array): ReadResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return decoded;
  return {
    ok: true,
    text: decoded.text,
    bom: decoded.bom,
    encoding: decoded.encoding,
    bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  };
}

/**
 * Reads at most `maxSize` + 1 bytes from an open descriptor (standard input, a FIFO): a stream has no
 * size to look at first. Waits briefly when a non-blocking descriptor has nothing yet.
 */
function readBounded(fd: number, maxSize: number): Buffer | { tooLarge: number } {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.alloc(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > maxSize) return { tooLarge: total };
  }
  return Buffer.concat(chunks, total);
}

/**
 * A regular file's bytes, from an open descriptor whose fstat gave `size` (what readFileSync does, without
 * its own fstat: one system call fewer per file, twice per file when the carry-over index reads them too).
 */
function readRegularFile(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd); // a file that does not tell its size (/proc): read to its end
  const bytes = Buffer.allocUnsafe(size);
  let total = 0;
  while (total < size) {
    const n = readSync(fd, bytes, total, size - total, null);
    if (n === 0) break;
    total += n;
  }
  return total < size ? bytes.subarray(0, total) : bytes;
}

/** The bytes of one input (a file, a FIFO, or standard input for `-`), or why they cannot be read. Never throws. */
export function readInputBytes(path: string, maxSize = Number.MAX_SAFE_INTEGER): Buffer | { reason: string } {
  const stdin = path === STDIN_PATH;
  let fd: number | undefined;
  try {
    fd = stdin ? 0 : openSync(path, 'r');
    // A regular file's size was checked when it was collected; a stream is read up to the limit.
    const stats = stdin ? undefined : fstatSync(fd);
    const read = stats?.isFile() ? readRegularFile(fd, stats.size) : readBounded(fd, maxSize);
    if (!Buffer.isBuffer(read)) return { reason: `超过大小上限 ${formatBytes(maxSize)}（可用 --max-size 调整）` };
    return read;
  } catch (error) {
    return { reason: describeFsError(error) };
  } finally {
    if (fd !== undefined && !stdin) closeSync(fd);
  }
}

/** Reads and decodes one input: a file, a FIFO, or standard input for `-`. Never throws. */
export function readReportFile(path: string, maxSize = Number.MAX_SAFE_INTEGER): ReadResult {
  const bytes = readInputBytes(path, maxSize);
  if (!Buffer.isBuffer(bytes)) return { ok: false, reason: bytes.reason };
  try {
    return decodeReportBytes(bytes);
  } catch (error) {
    return { ok: false, reason: describeFsError(error) };
  }
}

/**
 * A file-system error in one Chinese phrase, without a stack trace: what went wrong while reading a file
 * (`read`, the default) or while writing one (`write`, check --fix).
 */
export function describeFsError(error: unknown, doing: 'read' | 'write' = 'read'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const phrase = code === undefined ? undefined : FS_ERROR_PHRASES.get(code);
  if (phrase) return typeof phrase === 'string' ? phrase : phrase[doing];
  return error instanceof Error ? error.message : String(error);
}

/** Each error code's phrase, or its phrase when reading and when writing. */
type FsErrorPhrase = string | { read: string; write: string };
const FS_ERROR_PHRASES: ReadonlyMap<string, FsErrorPhrase> = new Map<string, FsErrorPhrase>([
  ['ENOENT', { read: '文件不存在', write: '文件已不存在' }],
  ['EACCES', { read: '没有读取权限', write: '没有写入权限' }],
  ['EPERM', { read: '没有读取权限', write: '没有写入权限' }],
  ['EISDIR', '是一个目录'],
  ['ENOTDIR', '路径中有一部分不是目录'],
  ['ELOOP', '符号链接循环'],
  ['ENOSPC', '磁盘空间不足'],
  ['EDQUOT', '超出磁盘配额'],
  ['EROFS', '所在的文件系统是只读的'],
  ['EIO', '磁盘读写错误'],
]);
