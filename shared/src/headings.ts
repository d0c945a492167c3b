// Recognises the six section headings however they are numbered and worded, and nothing else:
// table-3 row labels (`一、本年新收…`, `四、结转下年度继续办理`) and prose that starts like a
// heading (`1. 收到和处理政府信息公开申请情况。2024 年…`) are not headings.

import type { HeadingModel } from './model';
import { SECTIONS } from './template';
import { isDroppedByNormalization, isRegExpSpace, normalizeLabel, toHalfWidth } from './text';

/** A heading's words are at most this long (normalised); longer lines are prose. */
const MAX_HEADING_LENGTH = 40;

const NUMERAL_RE = /^([一二三四五六七八九十]{1,2}|\d{1,2})[ \u3000]*([、.．,，:：]|[ \u3000]+)[ \u3000]*/;
/** A Markdown heading mark or bold/underline marker where the words start (sticky: set lastIndex). */
const MARKDOWN_PREFIX_RE = /#{1,6}[ \t]+|\*\*|__/y;

/** Normalised standard wordings and known variants → section number. */
const EXACT_WORDINGS = new Map<string, number>(
  SECTIONS.flatMap((s) => [s.title, ...s.variants].map((w) => [normalizeLabel(w), s.number] as [string, number])),
);

/**
 * Characters of which every heading holds at least one: one character of each standard wording and
 * variant, and one of each keyword set. Only CJK ideographs that normalizeLabel never produces (so not
 * 府, written 务 in 政务) qualify, so a line without any of them cannot be a heading. A cheap first test.
 */
const IDEOGRAPHS_FROM = 0x4e00;
const IDEOGRAPHS_TO = 0x9fff;
/** The anchor characters, as flags indexed by code − IDEOGRAPHS_FROM. */
const ANCHORS: Uint8Array = (() => {
  const anchors = new Uint8Array(IDEOGRAPHS_TO - IDEOGRAPHS_FROM + 1);
  const addAnchorOf = (text: string): void => {
    for (let i = text.length - 1; i >= 0; i--) {
      const c = text.charCodeAt(i);
      if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO && text[i] !== '府') {
        anchors[c - IDEOGRAPHS_FROM] = 1;
        return;
      }
    }
    throw new Error(`headings: no anchor character in ${text}`);
  };
  for (const s of SECTIONS) {
    for (const w of [s.title, ...s.variants]) addAnchorOf(normalizeLabel(w));
    for (const set of s.keywords) addAnchorOf(set.join(''));
  }
  return anchors;
})();

/**
 * A cheap, exact first test on the words of a possible heading, line[from, to): false when they would
 * normalise to more than MAX_HEADING_LENGTH characters (even without a numeral of MAX_NUMERAL_KEPT_CHARS),
 * or hold no anchor character. Looks at no more than about MAX_HEADING_LENGTH characters of prose.
 */
function mayBeHeading(line: string, from: number, to: number): boolean {
  let kept = 0;
  let anchor = false;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO) {
      kept++;
      if (ANCHORS[c - IDEOGRAPHS_FROM] === 1) anchor = true;
    } else if (!isDroppedByNormalization(c)) kept++;
    if (kept > MAX_HEADING_LENGTH + MAX_NUMERAL_KEPT_CHARS) return false;
  }
  return anchor;
}

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const CJK_NUMERALS = codes('一二三四五六七八九十');
const isDigitChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19); // full width too
/** What may follow the numeral of NUMERAL_RE: blanks or a separator. */
const AFTER_NUMERAL = codes(' \u3000、.．,，:：');

/** Would NUMERAL_RE match body line[from, to)? Exact, without running it: one or two numerals of a kind, then a blank or separator. */
function numeralMayMatch(line: string, from: number, to: number): boolean {
  const sameKind = CJK_NUMERALS.has(line.charCodeAt(from)) ? (c: number) => CJK_NUMERALS.has(c) : isDigitChar;
  for (let k = 1; k <= 2 && from + k < to; k++) {
    if (!sameKind(line.charCodeAt(from + k - 1))) return false;
    if (AFTER_NUMERAL.has(line.charCodeAt(from + k))) return true;
  }
  return false;
}

/** The first two characters of the standard wordings and variants (normalised), and as written (政务 for 政府). */
const WORDING_PAIRS: ReadonlySet<string> = new Set(
  [...EXACT_WORDINGS.keys()].flatMap((w) => (w.startsWith('政府') ? [w.slice(0, 2), '政务'] : [w.slice(0, 2)])),
);
/**
 * The wording test holds while every wording starts with two ideographs that normalizeLabel neither
 * produces (it makes 府 of 务, handled above) nor changes, and none starts with a numeral.
 */
const WORDING_PAIRS_TESTABLE = [...EXACT_WORDINGS.keys()].every(
  (w) =>
    w.length >= 2 &&
    [0, 1].every((i) => w.charCodeAt(i) >= 0x4e00 && w.charCodeAt(i) <= 0x9fff) &&
    w[0] !== '府' &&
    !CJK_NUMERALS.has(w.charCodeAt(0)),
);

/**
 * A cheap, exact test on where the words of a possible heading start: a numeral as NUMERAL_RE wants
 * it, or (without one, only the exact wording counts) the first two characters of a standard wording,
 * after what normalizeLabel drops.
 */
function mayStartHeading(line: string, from: number, to: number): boolean {
  const first = line.charCodeAt(from);
  if (CJK_NUMERALS.has(first) || isDigitChar(first)) return numeralMayMatch(line, from, to) || !WORDING_PAIRS_TESTABLE;
  if (!WORDING_PAIRS_TESTABLE) return true;
  let i = from;
  while (i < to && isDroppedByNormalization(line.charCodeAt(i))) i++;
  let j = i + 1;
  while (j < to && isDroppedByNormalization(line.charCodeAt(j))) j++;
  return j < to && WORDING_PAIRS.has(line.charAt(i) + line.charAt(j));
}

/** Blanks before a heading (sticky; skipped natively, pdftotext lines start with long runs of them). */
const LEADING_BLANKS_RE = /[ \t\u3000\u00a0\ufeff]*/y;

/** Trailing characters a heading may end with (`/[\s*_:：。.]+$/`): blanks, emphasis marks, colons, full stops. */
function isTrailingChar(c: number): boolean {
  return (
    isRegExpSpace(c) ||
    c === 42 /* * */ ||
    c === 95 /* _ */ ||
    c === 58 /* : */ ||
    c === 0xff1a /* ： */ ||
    c === 0x3002 /* 。 */ ||
    c === 46
  ); /* . */
}

/** The numeral and separator of a heading (`12、`) hold at most this many characters that normalizeLabel keeps. */
const MAX_NUMERAL_KEPT_CHARS = 3;

/** Every keyword set, in section order: a heading holds all keywords of one set. */
const KEYWORD_SETS: readonly { section: number; keywords: readonly string[] }[] = SECTIONS.flatMap((s) =>
  s.keywords.map((keywords) => ({ section: s.number, keywords })),
);

function identifySection(words: string): { section: number; exact: boolean } | undefined {
  const norm = normalizeLabel(words);
  if (norm.length === 0 || norm.length > MAX_HEADING_LENGTH) return undefined;
  // A sentence (`…情况。2024 年…`) is prose, not a heading.
  if (/[。；;！!？?]/.test(norm)) return undefined;
  const exact = EXACT_WORDINGS.get(norm);
  if (exact !== undefined) return { section: exact, exact: true };
  for (const { section, keywords } of KEYWORD_SETS) {
    if (keywords.every((k) => norm.includes(k))) return { section, exact: false };
  }
  return undefined;
}

/** Parses a line as a section heading, or returns undefined. */
export function parseHeading(lineText: string, line: number): HeadingModel | undefined {
  if (lineText.length === 0 || lineText.length > 200) return undefined;
  let start = 0;
  const c0 = lineText.charCodeAt(0);
  if (c0 === 32 || c0 === 9 || c0 === 0x3000 || c0 === 0xa0 || c0 === 0xfeff) {
    LEADING_BLANKS_RE.lastIndex = 0;
    LEADING_BLANKS_RE.test(lineText); // lastIndex: where the blanks end
    start = LEADING_BLANKS_RE.lastIndex;
  }
  // A blank line is no heading (and reading past the string's end deoptimises the code that does).
  if (start >= lineText.length) return undefined;
  const first = lineText.charCodeAt(start);
  const markdown = first === 35 /* # */ || first === 42 /* * */ || first === 95; /* _ */
  // The test below again with the line's end for the words' end: looser, so exact as a first rejection of most lines.
  if (!markdown && !mayStartHeading(lineText, start, lineText.length)) return undefined;
  // A pipe: a table row. A tab after the first word: a table row too.
  if (lineText.includes('|') || lineText.indexOf('\t', start) >= 0) return undefined;
  if (markdown) {
    MARKDOWN_PREFIX_RE.lastIndex = start;
    const md = MARKDOWN_PREFIX_RE.exec(lineText);
    if (md) start += md[0].length;
  }
  // The words end before the run of trailing characters at the end of the line.
  let end = lineText.length;
  while (end > 0 && isTrailingChar(lineText.charCodeAt(end - 1))) end--;
  end = end < lineText.length ? Math.max(start, end) : lineText.length;
  if (end <= start || !mayStartHeading(lineText, start, end) || !mayBeHeading(lineText, start, end)) return undefined;
  const body = lineText.slice(start, end);

  const num = NUMERAL_RE.exec(toHalfWidth(body));
  let numeral = '';
  let numeralEnd = start;
  let prefixEnd = start;
  if (num) {
    const [whole, written = '', separator = ''] = num; // both groups take part in every match
    numeral = written;
    numeralEnd = start + written.length;
    // The separator without the blanks after it: `3、` of `3、 收到…`.
    const sep = separator.trim();
    const sepAt = body.indexOf(sep.length > 0 ? sep : separator, written.length);
    const sepEnd = sep.length > 0 && sepAt >= 0 ? start + sepAt + sep.length : numeralEnd;
    numeralEnd = Math.max(numeralEnd, sepEnd);
    prefixEnd = start + whole.length;
  }
  const words = lineText.slice(prefixEnd, end);
  const id = identifySection(words);
  if (!id) return undefined;
  // Without a numeral only the exact standard wording counts as a heading.
  if (!num && !id.exact) return undefined;
  return {
    section: id.section,
    line,
    range: { start: { line, character: start }, end: { line, character: end } },
    numeral,
    numeralRange: { start: { line, character: start }, end: { line, character: numeralEnd } },
    prefixRange: { start: { line, character: start }, end: { line, character: prefixEnd } },
    text: words,
    textRange: { start: { line, character: prefixEnd }, end: { line, character: end } },
  };
}
