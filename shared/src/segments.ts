// Collapsed text: a crawled web page often holds a whole report (or a whole table) on one line, with
// the section headings, the table labels and the closing in the middle of it
// (`…特编制此报告：一、总体情况2021年，…二、主动公开政府信息情况第二十条第（一）项…规章000…`).
// Such a line is cut into segments at the template's own wordings; the reader then reads the segments as
// if they were lines, and every range found in a segment is mapped back to its place in the real line.

import { SECTIONS, TABLE2_2019, TABLE2_2021, TABLE3_2019, TABLE3_2021, type TableTemplate } from './template';
import { normalizeLabel } from './text';

/** Lines shorter than this are never cut (a heading or a table row on its own line is short). */
const MIN_COLLAPSED_LENGTH = 160;
/** Longer lines are never cut: a whole report is some tens of thousands of characters. */
const MAX_COLLAPSED_LENGTH = 200_000;
/** A collapsed report has a few hundred parts at most (six headings, about forty labels, leftovers). */
const MAX_CUTS = 2000;
/** A line is collapsed when it holds this many section headings… */
const MIN_HEADINGS = 2;
/** …or this many table-3 row labels (a whole table on one line). */
const MIN_TABLE3_LABELS = 4;

/** A part of a real line read as a line of its own. */
export interface Segment {
  line: number;
  start: number;
  end: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label as a pattern: either kind of bracket and quote, optional quotes, 政府 or 政务, `1.` or `1、`. */
function labelPattern(label: string): string {
  let out = '';
  for (const ch of label) {
    if (ch === '（' || ch === '(') out += '[（(]';
    else if (ch === '）' || ch === ')') out += '[）)]';
    else if ('“”"'.includes(ch)) out += '[“”"]?';
    else if (ch === '.' || ch === '、') out += '[.、．]';
    else if (ch === '府') out += '[府务]';
    else out += escapeRegExp(ch);
  }
  return out;
}

/** Standard wordings and variants of the six headings → section number. */
const WORDING_SECTION = new Map<string, number>(
  SECTIONS.flatMap((s) => [s.title, ...s.variants].map((w) => [normalizeLabel(w), s.number] as [string, number])),
);

/** A numbered heading anywhere in a line: `二、主动公开政府信息情况`. */
const HEADING_IN_LINE_RE = new RegExp(
  `([一二三四五六])[ \\u3000]*[、.．][ \\u3000]*(${[...new Set(SECTIONS.flatMap((s) => [s.title, ...s.variants]))]
    .sort((a, b) => b.length - a.length)
    .map(labelPattern)
    .join('|')})`,
  'g',
);

const NUMERALS = '一二三四五六';

function rowAndGroupLabels(tables: TableTemplate[]): string[] {
  const labels = new Set<string>();
  for (const t of tables) {
    for (const r of t.rows) {
      if (r.label) labels.add(r.label);
      for (const v of r.variants ?? []) labels.add(v);
    }
    for (const g of t.groups) labels.add(g.label);
  }
  return [...labels].sort((a, b) => b.length - a.length);
}

/** Row and group labels of tables 2 and 3 (both formats), longest first: where a row starts. */
const LABEL_IN_LINE_RE = new RegExp(
  rowAndGroupLabels([TABLE3_2021, TABLE3_2019, TABLE2_2021, TABLE2_2019]).map(labelPattern).join('|'),
  'g',
);
const TABLE3_ROW_LABELS = new Set(TABLE3_2021.rows.map((r) => normalizeLabel(r.label)));

/** The closing at the end of a collapsed line: agency name, then the date. */
const CLOSING_AT_END_RE =
  /(?:^|[。；;！!\s])([^\s。；;，,:：、]{2,40}?)[ \u3000]*((?:19|20)\d{2}[ \u3000]*年[ \u3000]*\d{1,2}[ \u3000]*月[ \u3000]*\d{1,2}[ \u3000]*日)[ \u3000]*$/dg;

/** A title at the start of a collapsed line: `某某局2021年政府信息公开工作年度报告`. */
const TITLE_AT_START_RE =
  /^[\s\u3000]*(?:#{1,6}[ \t]*)?[^\s。，,；;：:]{2,50}?政[府务]信息公开(?:工作)?(?:[ \u3000]*\d{4}[ \u3000]*年度?)?年度报告/;

/** Web-page leftovers that a collapsed page keeps in its one line. */
const CHROME_IN_LINE_RE =
  /(?:当前位置|您现在的位置|您的位置)[:：][^。，,\s]{0,20}(?:\s*[>＞»]\s*[^。，,\s>＞»]{1,20}){0,8}|【?(?:关闭本页|关闭窗口|打印本页)】?|(?:分享到[:：]?\s*)?(?:微信|微博|QQ空间)(?:\s*(?:微信|微博|QQ空间|QQ好友|朋友圈)){1,5}|附件下载[:：]?/g;

interface HeadingHit {
  start: number;
  end: number;
  section: number;
}

function headingsIn(text: string): HeadingHit[] {
  const hits: HeadingHit[] = [];
  HEADING_IN_LINE_RE.lastIndex = 0;
  for (let m = HEADING_IN_LINE_RE.exec(text); m; m = HEADING_IN_LINE_RE.exec(text)) {
    const [whole, numeral, wording = ''] = m; // both groups take part in every match
    const section = WORDING_SECTION.get(normalizeLabel(wording));
    // The numeral must be the section's own: `三、本年度办理结果` and prose are not headings.
    if (section !== undefined && NUMERALS[section - 1] === numeral) hits.push({ start: m.index, end: m.index + whole.length, section });
  }
  return hits;
}

/** Where rows start in text[from, to): the start of every row or group label. */
function labelCuts(text: string, from: number, to: number, out: number[]): number {
  let table3 = 0;
  LABEL_IN_LINE_RE.lastIndex = from;
  for (let m = LABEL_IN_LINE_RE.exec(text); m && m.index < to; m = LABEL_IN_LINE_RE.exec(text)) {
    out.push(m.index);
    if (TABLE3_ROW_LABELS.has(normalizeLabel(m[0]))) table3++;
  }
  // Markdown and pipe rows run together: `…| 0 || 规章 | …`, one row ends where the next begins.
  for (let i = text.indexOf('||', from); i >= 0 && i < to; i = text.indexOf('||', i + 2)) out.push(i + 1);
  return table3;
}

/** The cut points of one long line (sorted, without 0 and the line's length), or undefined when it is not collapsed. */
function cutsOf(text: string): number[] | undefined {
  const headings = headingsIn(text);
  const cuts: number[] = [];
  let table3Labels = 0;
  if (headings.length > 0) {
    for (let k = 0; k < headings.length; k++) {
      const h = headings[k];
      if (h === undefined) continue;
      cuts.push(h.start, h.end);
      // The tables of sections 二, 三 and 四 lie between their heading and the next one.
      if (h.section >= 2 && h.section <= 4) table3Labels += labelCuts(text, h.end, headings[k + 1]?.start ?? text.length, cuts);
    }
    if (headings.length < MIN_HEADINGS && table3Labels < MIN_TABLE3_LABELS) return undefined;
  } else {
    table3Labels = labelCuts(text, 0, text.length, cuts);
    if (table3Labels < MIN_TABLE3_LABELS) return undefined;
  }
  // The title at the start of the line, the intro right after it.
  const title = TITLE_AT_START_RE.exec(text);
  if (title && title[0].length <= (headings[0]?.start ?? Infinity)) cuts.push(title[0].length);
  // The closing: the agency and the date at the very end.
  const base = Math.max(0, text.length - 80);
  CLOSING_AT_END_RE.lastIndex = base;
  const closing = CLOSING_AT_END_RE.exec(text);
  // Both groups take part in every match, so the `d` flag gives their indices.
  const [, agency, date] = closing?.indices ?? [];
  if (agency && date) {
    const agencyAt = agency[0];
    if (agencyAt > (headings.at(-1)?.end ?? 0)) cuts.push(agencyAt);
    cuts.push(date[0]);
  }
  // Web-page leftovers inside the line: cut out, so that they are seen (and removed) on their own.
  CHROME_IN_LINE_RE.lastIndex = 0;
  for (let m = CHROME_IN_LINE_RE.exec(text); m; m = CHROME_IN_LINE_RE.exec(text)) cuts.push(m.index, m.index + m[0].length);
  if (cuts.length > MAX_CUTS) return undefined;
  return [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
}

/**
 * The segments of a text's lines, or undefined when no line is collapsed (then every line is read as
 * it is, and nothing needs mapping). One regular-expression scan per long line.
 */
export function segmentLines(lines: string[]): Segment[] | undefined {
  let segments: Segment[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const cuts = text.length >= MIN_COLLAPSED_LENGTH && text.length <= MAX_COLLAPSED_LENGTH ? cutsOf(text) : undefined;
    if (!cuts && !segments) continue;
    if (!segments) {
      segments = [];
      for (let j = 0; j < i; j++) segments.push({ line: j, start: 0, end: lines[j]?.length ?? 0 });
    }
    let start = 0;
    for (const c of cuts ?? []) {
      segments.push({ line: i, start, end: c });
      start = c;
    }
    segments.push({ line: i, start, end: text.length });
  }
  return segments;
}
