// Recognises the six section headings however they are numbered and worded, and nothing else:
// table-3 row labels (`一、本年新收…`, `四、结转下年度继续办理`) and prose that starts like a
// heading (`1. 收到和处理政府信息公开申请情况。2024 年…`) are not headings.

import type { HeadingModel } from './model';
import { SECTIONS } from './template';
import { normalizeLabel, toHalfWidth } from './text';

/** A heading's words are at most this long (normalised); longer lines are prose. */
const MAX_HEADING_LENGTH = 40;

const NUMERAL_RE = /^([一二三四五六七八九十]{1,2}|\d{1,2})[ \u3000]*([、.．,，:：]|[ \u3000]+)[ \u3000]*/;
const MARKDOWN_PREFIX_RE = /^(#{1,6}[ \t]+|\*\*|__)/;
const TRAILING_RE = /[\s*_:：。.]+$/;

/** Normalised standard wordings and known variants → section number. */
const EXACT_WORDINGS = new Map<string, number>(
  SECTIONS.flatMap((s) => [s.title, ...s.variants].map((w) => [normalizeLabel(w), s.number] as [string, number])),
);

function identifySection(words: string): { section: number; exact: boolean } | undefined {
  const norm = normalizeLabel(words);
  if (norm.length === 0 || norm.length > MAX_HEADING_LENGTH) return undefined;
  // A sentence (`…情况。2024 年…`) is prose, not a heading.
  if (/[。；;！!？?]/.test(norm)) return undefined;
  const exact = EXACT_WORDINGS.get(norm);
  if (exact !== undefined) return { section: exact, exact: true };
  for (const s of SECTIONS) {
    if (s.keywords.some((set) => set.every((k) => norm.includes(k)))) return { section: s.number, exact: false };
  }
  return undefined;
}

/** Parses a line as a section heading, or returns undefined. */
export function parseHeading(lineText: string, line: number): HeadingModel | undefined {
  if (lineText.length > 200 || lineText.includes('|')) return undefined;
  let start = 0;
  while (start < lineText.length && /[ \t\u3000\u00a0\ufeff]/.test(lineText[start])) start++;
  // A tab after the first word: a table row, not a heading.
  if (lineText.indexOf('\t', start) >= 0) return undefined;
  const md = MARKDOWN_PREFIX_RE.exec(lineText.slice(start));
  if (md) start += md[0].length;
  let end = lineText.length;
  const trailing = TRAILING_RE.exec(lineText);
  if (trailing) end = Math.max(start, trailing.index);
  const body = lineText.slice(start, end);
  if (body.length === 0) return undefined;

  const num = NUMERAL_RE.exec(toHalfWidth(body));
  let numeral = '';
  let numeralEnd = start;
  let prefixEnd = start;
  if (num) {
    numeral = num[1];
    numeralEnd = start + num[1].length;
    // The separator without the blanks after it: `3、` of `3、 收到…`.
    const sep = num[2].trim();
    const sepAt = body.indexOf(sep.length > 0 ? sep : num[2], num[1].length);
    const sepEnd = sep.length > 0 && sepAt >= 0 ? start + sepAt + sep.length : numeralEnd;
    numeralEnd = Math.max(numeralEnd, sepEnd);
    prefixEnd = start + num[0].length;
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
