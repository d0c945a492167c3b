// Text helpers: line splitting, label normalisation, number parsing.
// All columns are UTF-16 offsets, which is what JavaScript string indices and LSP positions use.

import type { Eol } from './model';
import { PLACEHOLDERS } from './template';

export interface SplitText {
  lines: string[];
  /** The document's own line ending: the most frequent of the three. */
  eol: Eol;
}

/** Splits a document into lines (LSP semantics: \r\n, \n and lone \r end a line). A leading BOM is blanked. */
export function splitLines(text: string): SplitText {
  // Without a \r the lines are what the native split on \n gives (the common case, much faster).
  if (text.indexOf('\r') < 0) return withBlankedBom({ lines: text.split('\n'), eol: '\n' });
  const lines: string[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */) {
      lines.push(text.slice(start, i));
      lf++;
      start = i + 1;
    } else if (c === 13 /* \r */) {
      lines.push(text.slice(start, i));
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        i++;
        crlf++;
      } else cr++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return withBlankedBom({ lines, eol: cr > crlf && cr > lf ? '\r' : crlf > lf ? '\r\n' : '\n' });
}

/** A BOM is not content; keep the column count intact by turning it into a blank. */
function withBlankedBom(split: SplitText): SplitText {
  const { lines } = split;
  const [first] = lines;
  if (first?.charCodeAt(0) === 0xfeff) lines[0] = ' ' + first.slice(1);
  return split;
}

const FULLWIDTH_MAP: Record<string, string> = {
  '(': '（',
  ')': '）',
  ',': '，',
  ':': '：',
  ';': '；',
  '、': '.',
  '．': '.',
  '。': '.',
};

const MAY_CONVERT_RE = /[\u3000\uff10-\uff5a]/;

/**
 * Strings in the order of their UTF-16 code units: the same on every machine, which localeCompare (the
 * process's collation, from LANG) does not promise, and no ICU collator to load (its first call costs
 * about 7 ms).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Converts full-width ASCII variants (Ｕ+FF01..FF5E) to ASCII, and the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  // Most text has nothing to convert: return it as is, without building a copy (long texts are searched natively).
  let first = 0;
  if (s.length > 32) {
    first = s.search(MAY_CONVERT_RE);
    if (first < 0) return s;
  } else {
    while (first < s.length) {
      const c = s.charCodeAt(first);
      if (c === 0x3000 || (c >= 0xff10 && c <= 0xff5a)) break;
      first++;
    }
    if (first === s.length) return s;
  }
  let out = s.slice(0, first);
  for (let i = first; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19)
      out += String.fromCharCode(c - 0xfee0); // digits
    else if (c >= 0xff21 && c <= 0xff3a)
      out += String.fromCharCode(c - 0xfee0); // A-Z
    else if (c >= 0xff41 && c <= 0xff5a)
      out += String.fromCharCode(c - 0xfee0); // a-z
    else if (c === 0x3000) out += ' ';
    else out += s[i];
  }
  return out;
}

/**
 * Normalises a label for comparison: no blanks, one kind of bracket and punctuation,
 * no quotes, 政务 read as 政府, full-width digits as ASCII. `1、` / `1．` become `1.`;
 * `一、` stays `一、`.
 */
export function normalizeLabel(s: string): string {
  let t = normalized.get(s);
  if (t === undefined) {
    t = computeNormalizedLabel(s);
    if (normalized.size >= NORMALIZED_CACHE_SIZE) normalized.clear();
    if (s.length <= 200) normalized.set(s, t);
  }
  return t;
}

/** Is this UTF-16 code unit matched by the regular-expression class `\s` (ECMAScript WhiteSpace and LineTerminator)? */
export function isRegExpSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Characters normalizeLabel removes (blanks, zero-width space, quotes); it changes every other one into exactly one. */
export function isDroppedByNormalization(c: number): boolean {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c > 32 && c < 127 && c !== 34 && c !== 39)) return false; // ideographs, visible ASCII but quotes
  return isRegExpSpace(c) || c === 0x200b || QUOTE_CODES.has(c);
}
const QUOTE_CODES = new Set([...'“”"\'‘’「」『』'].map((q) => q.charCodeAt(0)));

/** Labels repeat across lines and documents: their normal forms are kept (bounded). */
const NORMALIZED_CACHE_SIZE = 4096;
const normalized = new Map<string, string>();

function computeNormalizedLabel(s: string): string {
  let t = toHalfWidth(s);
  t = t.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  t = t.replace(/[“”"'‘’「」『』]/g, '');
  t = t.replace(/[(),:;]/g, (m) => FULLWIDTH_MAP[m] ?? m);
  t = t.replace(/〔/g, '（').replace(/〕/g, '）');
  // Arabic numbering: 1、 1． 1。 → 1.
  t = t.replace(/^(\d{1,2})[、．。.]/, '$1.');
  // Chinese numbering: 一. 一． → 一、
  t = t.replace(/^([一二三四五六七八九十])[.．]/, '$1、');
  t = t.replace(/政务/g, '政府');
  return t;
}

/** Digits of the Chinese numerals 一..十 (1..10). */
export const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

export interface ParsedNumber {
  value: number;
  delta: boolean;
  decimal: boolean;
}

/**
 * The largest count a cell may hold: a count above it (or any integer beyond 2^53, which a double cannot
 * hold exactly) is no number the tables can sum; such a cell is read as text and reported (cell-not-number).
 */
const MAX_COUNT = 1e9;

/** Is this parsed value a count the tables can use (not beyond MAX_COUNT, exact as a double)? */
export function isUsableCount(value: number, decimal: boolean): boolean {
  return Math.abs(value) <= MAX_COUNT && (decimal || Number.isSafeInteger(value));
}

const NUMBER_RE = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$/;
const DELTA_RE = /^(\d+)[(（]\s*(增|减)\s*[)）]$/;

/**
 * Parses a cell's text as a number: optional sign, thousands separators, decimals,
 * full-width digits, and the 2019 `8(减)` / `8（增）` notation. Returns undefined for anything else.
 */
export function parseNumber(raw: string): ParsedNumber | undefined {
  // Fast paths with the same results as the general path: plain digits, and text that cannot start a number.
  if (raw.length > 0 && raw.length <= 24 && isAsciiDigits(raw)) return { value: Number(raw), delta: false, decimal: false };
  if (!NUMBER_START.has(firstNonSpaceChar(raw))) return undefined;
  const s = toHalfWidth(raw)
    .replace(/[\s\u00a0]+/g, '')
    .replace(/，/g, ',')
    .replace(/[−–]/g, '-');
  if (s.length === 0 || s.length > 24) return undefined;
  const m = NUMBER_RE.exec(s);
  if (m) {
    const [, sign, digits = '', fraction] = m; // the digits take part in every match
    const value = Number((sign === '-' ? '-' : '') + digits.replace(/,/g, '') + (fraction ?? ''));
    if (!Number.isFinite(value)) return undefined;
    return { value, delta: false, decimal: fraction !== undefined };
  }
  const d = DELTA_RE.exec(s);
  if (d) {
    const n = Number(d[1]);
    return { value: d[2] === '减' ? -n : n, delta: true, decimal: false };
  }
  return undefined;
}

/** What a number's first character (after blanks) may be: a digit (also full-width), a sign, or a dash read as minus. */
const NUMBER_START = new Set([...'0123456789０１２３４５６７８９+-−–'].map((c) => c.charCodeAt(0)));

export function isAsciiDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Index of the first character that is not matched by `\s` (s.length when there is none). */
/** The first character that is not a blank (-1 when there is none: no read past the string's end). */
function firstNonSpaceChar(s: string): number {
  let i = 0;
  while (i < s.length && isRegExpSpace(s.charCodeAt(i))) i++;
  return i < s.length ? s.charCodeAt(i) : -1;
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
/** First characters of the placeholders, as written or in full width. */
const PLACEHOLDER_START = new Set(
  PLACEHOLDERS.flatMap((p) => {
    const c = p.charCodeAt(0);
    return /[0-9A-Za-z]/.test(p.charAt(0)) ? [c, c + 0xfee0] : [c];
  }),
);

export function isPlaceholder(text: string): boolean {
  if (!PLACEHOLDER_START.has(firstNonSpaceChar(text))) return false;
  return PLACEHOLDER_SET.has(toHalfWidth(text).replace(/\s+/g, ''));
}

/** Length of the longest common subsequence (for typo-tolerant label matching; inputs are short). */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Both rows hold b.length + 1 numbers: every index below is in range.
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Similarity in [0, 1] of two normalised labels (Dice coefficient over the LCS). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return (2 * lcsLength(a, b)) / (a.length + b.length);
}
