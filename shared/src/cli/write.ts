// `check --fix` writes a file only when nothing else could be lost: the file still holds the bytes that
// were read, it is not read-only, and the new bytes reach the disk in full before they replace it
// (a temporary file in the same folder, flushed, then renamed over the original, keeping its mode and
// owner). Any failure leaves the original as it was and comes back as one Chinese reason.

import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from './files';

/** The file-system calls the writer makes; tests pass a layer that fails like a full or read-only disk. */
export type WriteFs = Pick<
  typeof nodeFs,
  | 'realpathSync'
  | 'statSync'
  | 'readFileSync'
  | 'accessSync'
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'fchmodSync'
  | 'fchownSync'
  | 'renameSync'
  | 'unlinkSync'
>;

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** A name beside the target that no one else uses: hidden, with the process id and a random part. */
function temporaryName(target: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return join(dirname(target), `.${basename(target)}.${process.pid}.${random}.nianbao-tmp`);
}

function writeAll(fs: WriteFs, fd: number, content: Uint8Array): void {
  let offset = 0;
  while (offset < content.length) offset += fs.writeSync(fd, content, offset, content.length - offset);
}

/**
 * Replaces `path` (through a symbolic link: the link stays, its target is replaced) with `content`,
 * provided it still holds `original`. Respects a read-only file or folder (no write bit) even for root,
 * whom the system would let write: the user made it read-only to keep it as it is.
 */
export function writeFileSafely(path: string, original: Uint8Array, content: Uint8Array, fs: WriteFs = nodeFs): WriteResult {
  let target: string;
  let stats: nodeFs.Stats;
  try {
    target = fs.realpathSync(path);
    stats = fs.statSync(target);
    if (!fs.readFileSync(target).equals(original)) return { ok: false, reason: '读取之后文件已被修改（未写入，请重新运行）' };
  } catch (error) {
    return { ok: false, reason: describeFsError(error, 'write') };
  }
  if ((stats.mode & 0o222) === 0) return { ok: false, reason: '文件是只读的' };
  const folder = dirname(target);
  try {
    if ((fs.statSync(folder).mode & 0o222) === 0) return { ok: false, reason: `所在文件夹 ${folder} 是只读的` };
    fs.accessSync(target, nodeFs.constants.W_OK);
    fs.accessSync(folder, nodeFs.constants.W_OK);
  } catch (error) {
    return { ok: false, reason: describeFsError(error, 'write') };
  }
  const tmp = temporaryName(target);
  let fd: number | undefined;
  try {
    try {
      fd = fs.openSync(tmp, 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') return { ok: false, reason: `不能在所在文件夹 ${folder} 中创建文件` };
      throw error;
    }
    writeAll(fs, fd, content);
    fs.fchmodSync(fd, stats.mode & 0o7777);
    try {
      fs.fchownSync(fd, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away; anyone else's file keeps their own owner, as any editor's save.
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The last moment to notice another program's save: compare again just before the rename.
    const now = fs.statSync(target);
    if (now.mtimeMs !== stats.mtimeMs || now.size !== stats.size || now.ino !== stats.ino) {
      fs.unlinkSync(tmp);
      return { ok: false, reason: '读取之后文件已被修改（未写入，请重新运行）' };
    }
    fs.renameSync(tmp, target);
    return { ok: true };
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already reported by the write that failed
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      // never created (e.g. a read-only folder)
    }
    return { ok: false, reason: describeFsError(error, 'write') };
  }
}
