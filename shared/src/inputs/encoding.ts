// Bytes of a text file → text, and back, in the encodings Chinese users' files really have: UTF-8 (with or
// without BOM), UTF-16 LE/BE with BOM (Notepad's "Unicode"), GB18030 (and its subsets GBK/GB2312: what
// Notepad's "ANSI" and WPS write on a Chinese Windows). Order: a BOM, then a declared charset if the caller
// has one (an HTML `<meta charset>`), then strict UTF-8, then GB18030 if the result is sensible Chinese text.
// GB18030 decodes almost any bytes, so "sensible" is checked strictly (see gb18030Problem). Encoding back
// gives the same bytes for the same text: decodeBytes only accepts what encodeText reproduces exactly.

import * as buffer from 'node:buffer';
import type * as Iconv from 'iconv-lite';

/**
 * iconv-lite (the GB18030 and UTF-16 code, about half of the CLI's bundle), loaded on first need: a UTF-8
 * file never needs it. In the bundles of the server, the CLI and the converters this require is
 * dist/iconv.js (scripts/build.mjs), so that starting `nianbao check` does not compile it.
 */
let iconvModule: typeof Iconv | undefined;
function iconv(): typeof Iconv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (iconvModule ??= require('iconv-lite') as typeof Iconv);
}

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** The Chinese name a message shows for each encoding. */
export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030/GBK',
};

/** How a file's bytes were decoded, so that its text can be written back the same way. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The bytes started with this encoding's byte-order mark (removed from `text`). */
  bom: boolean;
}

export type DecodeResult = ({ ok: true } & DecodedText) | { ok: false; reason: string };

export interface DecodeOptions {
  /** A charset the file declares (e.g. `<meta charset="gbk">`); used after a BOM, before guessing. */
  declared?: string;
}

/** What to do with a file that nothing decodes. */
export const SAVE_AS_UTF8 = '请另存为 UTF-8 后再检查';

const BOMS: readonly { encoding: TextEncoding; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  // UTF-32 LE (FF FE 00 00) is not read: it decodes as UTF-16 LE with NUL characters and is refused.
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** iconv-lite's names for ours. */
const ICONV_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  gb18030: 'gb18030',
};

/** node:buffer isUtf8 (Node ≥ 18.14), if this Node has it. */
const isUtf8: ((input: Uint8Array) => boolean) | undefined = (buffer as { isUtf8?: (input: Uint8Array) => boolean }).isUtf8;
/** Strict UTF-8 where isUtf8 is missing (a decoder keeps no state between calls with fatal errors). */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Strict UTF-8, or undefined. Node's own check and decoding where it has them (fast over 1,000 files). */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (isUtf8 !== undefined) return isUtf8(bytes) ? asBuffer(bytes).toString('utf8') : undefined;
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** `text` in `encoding`, with that encoding's BOM first when `bom`. */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  const body = encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv().encode(text, ICONV_NAMES[encoding], { addBOM: false });
  if (!bom) return body;
  const mark = BOMS.find((b) => b.encoding === encoding);
  return mark ? Buffer.concat([Buffer.from(mark.bytes), body]) : body;
}

/** Half of a UTF-16 surrogate pair without the other half (broken UTF-16, which iconv-lite lets through). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether `text` has a lone surrogate: String.prototype.isWellFormed (ES2024, Node ≥ 20) where this Node
 * has it — the same answer as LONE_SURROGATE, without running a regular expression with a lookbehind
 * over every character of a GB18030 or UTF-16 report (1.3% of `nianbao check` over 10,000 files).
 */
const isWellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;
function hasLoneSurrogate(text: string): boolean {
  return isWellFormed !== undefined ? !isWellFormed.call(text) : LONE_SURROGATE.test(text);
}

/** Decodes with iconv-lite; undefined unless encoding the result gives back exactly these bytes. */
function decodeExactly(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  if (encoding === 'utf-8') return decodeUtf8(bytes);
  const text = decodeWith(bytes, encoding);
  if (hasLoneSurrogate(text)) return undefined;
  return encodeText(text, encoding, false).equals(asBuffer(bytes)) ? text : undefined;
}

/** Our name for a declared charset (`GBK`, `gb2312`, `utf8`, `UTF-16LE`…), if we read it. */
export function encodingOfCharset(charset: string): TextEncoding | undefined {
  const name = charset.trim().toLowerCase().replace(/^x-/, '');
  if (name === 'utf-8' || name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  if (name === 'utf-16le' || name === 'utf-16' || name === 'unicode') return 'utf-16le';
  if (name === 'utf-16be' || name === 'unicodefffe') return 'utf-16be';
  // GBK and GB2312 are subsets of GB18030; browsers decode all three as GB18030 too (WHATWG Encoding).
  if (['gb18030', 'gbk', 'gb2312', 'cp936', 'ms936', 'windows-936', 'euc-cn', 'csgb2312', 'chinese', 'iso-ir-58'].includes(name)) {
    return 'gb18030';
  }
  return undefined;
}

/** C0/C1 control characters other than tab, line feed, vertical tab, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/;
/** Private use (GB18030 maps its user-defined areas there) and the replacement character. */
const NOT_TEXT = /[\ue000-\uf8ff\ufffd]/;

/**
 * Why bytes that are not UTF-8 are not sensible GB18030 text, or undefined when they are. Real Chinese
 * text in GBK is almost all GB2312 characters (the 6,763 common hanzi and the punctuation, two bytes
 * A1–F7 × A1–FE); a Latin-1 or Windows-1252 file read as GBK gives two-byte characters outside that set
 * (an accented letter followed by an ASCII letter), and binary data gives control characters or byte
 * sequences that do not round-trip. Both are refused.
 */
function gb18030Problem(bytes: Uint8Array, text: string): string | undefined {
  if (CONTROL.test(text) || NOT_TEXT.test(text)) return '含有控制字符或无法识别的字节';
  let multiByte = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    multiByte++;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // a four-byte GB18030 sequence: characters outside GBK, rare in Chinese text
      continue;
    }
    if (lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe) common++;
    i++;
  }
  if (multiByte > 0 && common / multiByte < 0.8) return '大部分字符不是常用汉字或标点';
  return undefined;
}

/**
 * The text decodeBytes gives these bytes whenever it gives one, without the checks that make it refuse
 * some (encoding back to the same bytes, lone surrogates, sensible GB18030): where decodeBytes refuses the
 * bytes, this may still give a text, or undefined (NUL bytes without a BOM). For a guess that is checked
 * again on decodeBytes' text: the carry-over index's look at every file's first and last lines, where the
 * checks cost as much as the decoding itself for a GB18030 file.
 */
export function decodeBytesLoosely(bytes: Uint8Array): string | undefined {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return decodeWith(bytes.subarray(bom.bytes.length), bom.encoding);
  if (bytes.includes(0)) return undefined;
  return decodeUtf8(bytes) ?? decodeWith(bytes, 'gb18030');
}

/** Decodes as it comes (iconv-lite; Node's decoder for UTF-8, malformed bytes replaced). */
function decodeWith(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8') return asBuffer(bytes).toString('utf8');
  return iconv().decode(asBuffer(bytes), ICONV_NAMES[encoding], { stripBOM: false });
}

/**
 * The text of a file's bytes, or why it is refused. UTF-8 is tried before GB18030: a GBK text is
 * almost never valid UTF-8, and a UTF-8 text is never mistaken for GBK.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) {
    const text = decodeExactly(bytes.subarray(bom.bytes.length), bom.encoding);
    if (text === undefined) {
      return {
        ok: false,
        reason: `以 ${ENCODING_LABELS[bom.encoding]} 的 BOM 开头，但内容不是有效的 ${ENCODING_LABELS[bom.encoding]} 文本；${SAVE_AS_UTF8}`,
      };
    }
    if (text.includes('\u0000')) return { ok: false, reason: '包含 NUL 字符，不是文本文件' };
    return { ok: true, text, encoding: bom.encoding, bom: true };
  }
  if (bytes.includes(0)) return { ok: false, reason: `包含 NUL 字节，不是文本文件（若是没有 BOM 的 UTF-16 文件，${SAVE_AS_UTF8}）` };

  const declared = options.declared === undefined ? undefined : encodingOfCharset(options.declared);
  if (declared !== undefined && declared !== 'utf-8') {
    const text = decodeExactly(bytes, declared);
    if (text !== undefined && !CONTROL.test(text)) return { ok: true, text, encoding: declared, bom: false };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', bom: false };

  const text = decodeExactly(bytes, 'gb18030');
  const problem = text === undefined ? '有不成对的字节' : gb18030Problem(bytes, text);
  if (text === undefined || problem !== undefined) {
    return { ok: false, reason: `不是 UTF-8 文本，按 GB18030/GBK 读也不是正常的中文（${problem}）；${SAVE_AS_UTF8}` };
  }
  return { ok: true, text, encoding: 'gb18030', bom: false };
}
