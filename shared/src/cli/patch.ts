// `--fix-dry-run`: the unified patch (jsdiff's, as `diff -u` prints it) that turns a file's bytes into
// the bytes `--fix` would write. `git apply` and `patch -p1` accept it: CRLF lines keep their CR,
// a last line without a newline gets `\ No newline at end of file`, a BOM is part of the first line.

import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { encodeText, ENCODING_LABELS, type DecodedText } from '../inputs/encoding';

export interface FilePatch {
  /** Empty when nothing changes. */
  bytes: Buffer;
  /** Said on stderr when the patch cannot be applied to the file's bytes as they are. */
  note?: string;
}

/** `a/dir/file` and `b/dir/file` for a relative path (as git writes them, for `patch -p1`), else the path. */
function patchNames(file: string): [string, string] {
  const relative = !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file);
  const path = file.replace(/\\/g, '/');
  return relative ? [`a/${path}`, `b/${path}`] : [path, path];
}

/** The patch from `before` (as read) to `after` (the fixed text, written in the same encoding and BOM). */
export function filePatch(file: string, before: DecodedText, after: string): FilePatch {
  if (before.text === after) return { bytes: Buffer.alloc(0) };
  const utf16 = before.encoding === 'utf-16le' || before.encoding === 'utf-16be';
  const bom = before.bom && !utf16 ? '\ufeff' : '';
  const [oldName, newName] = patchNames(file);
  const patch = createTwoFilesPatch(oldName, newName, bom + before.text, bom + after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  if (before.encoding === 'utf-8') return { bytes: Buffer.from(patch, 'utf8') };
  // The two header lines name the file as the file system does (UTF-8); the lines of the file are in
  // its own encoding, so that the patch applies to its bytes.
  const headerEnd = patch.indexOf('\n', patch.indexOf('\n') + 1) + 1;
  const header = Buffer.from(patch.slice(0, headerEnd), 'utf8');
  if (before.encoding === 'gb18030') return { bytes: Buffer.concat([header, encodeText(patch.slice(headerEnd), 'gb18030', false)]) };
  // UTF-16 is not line-oriented bytes: `patch` cannot apply to it. Show the change as UTF-8 text.
  return {
    bytes: Buffer.from(patch, 'utf8'),
    note: `${file} 是 ${ENCODING_LABELS[before.encoding]} 编码：补丁按 UTF-8 文本显示，不能直接用 patch 应用；--fix 会按原编码写回`,
  };
}
