// The report's prose as sentences, for the cross-checks (narrative-mismatch, year-mismatch, fee-missing):
// every line outside the tables, the title, the closing and conversion leftovers, joined where a sentence
// wraps (pdftotext, Word line breaks) and cut at 。；！？, at headings and where a new item starts
// (（一）, 一是, 1.). Sections 二 and 五 are left out (nothing there is cross-checked). Blanks and Markdown emphasis are dropped and full-width digits made ASCII, so that
// `2023 年` and `**21** 件` read as 2023年 and 21件; each character keeps its source position, so a
// finding points at the exact text. Built once per model (the rules share it).

import type { Cell, Position, Range, ReportModel } from './model';
import { CHINESE_DIGITS } from './text';

export interface Sentence {
  /** Normalised text: no blanks, no `*`/`` ` ``, ASCII digits. */
  text: string;
  /** Section number (1..6) the sentence is in; 0 before the first heading. */
  section: number;
  /** Where the text comes from: pieces of source lines (`raw` as written, from column `start`), in order. */
  segments: { line: number; start: number; raw: string }[];
}

/** Is this source character dropped from the normalised text? */
function dropped(code: number): boolean {
  // The same characters as DROPPED_RE.
  return code <= 32 || code === 0xa0 || code === 0x3000 || code === 0xfeff || code === 0x2a /* * */ || code === 0x60; /* ` */
}

/** Source position of character `index` of a sentence (`after`: the position just after it). */
function positionOf(s: Sentence, index: number, after: boolean): Position {
  let count = 0;
  for (const seg of s.segments) {
    for (let i = 0; i < seg.raw.length; i++) {
      if (dropped(seg.raw.charCodeAt(i))) continue;
      if (count === index) return { line: seg.line, character: seg.start + i + (after ? 1 : 0) };
      count++;
    }
  }
  const last = s.segments.at(-1);
  if (!last) throw new Error('a sentence without text'); // SentenceWriter.flush keeps only sentences with text
  return { line: last.line, character: last.start + last.raw.length };
}

/** The source range of text[start, end) of a sentence. */
export function sentenceRange(s: Sentence, start: number, end: number): Range {
  const from = positionOf(s, start, false);
  return { start: from, end: end > start ? positionOf(s, end - 1, true) : from };
}

/**
 * A value derived from a model, computed once and kept on the model under `key` as a hidden property (not
 * enumerable: models still compare equal). A WeakMap would do the same at a much higher garbage-collection cost.
 */
export function memoOnModel<T>(model: ReportModel, key: symbol, compute: (model: ReportModel) => T): T {
  const holder = model as unknown as Record<symbol, T | undefined>;
  const cached = holder[key];
  if (cached !== undefined) return cached;
  const value = compute(model);
  Object.defineProperty(model, key, { value, enumerable: false });
  return value;
}

const PROSE = Symbol('nianbao.prose');

/** The report's sentences (computed once per model). */
export function proseOf(model: ReportModel): Sentence[] {
  return memoOnModel(model, PROSE, readProse);
}

/** No real sentence is longer: a longer run (a text without punctuation) is cut, keeping every search linear. */
const MAX_SENTENCE = 2000;
/** A line shorter than this that does not end a sentence is a sub-heading (（一）主动公开方面), not a wrapped line. */
const WRAPPED_LINE_MIN = 20;
const SENTENCE_END_RE = /[。；;！!？?]/g;
/** A line that starts a new item: （一）, (1), 一是, 一、, 1. 1、, Markdown list, quote or heading marks. */
const ITEM_START_RE =
  /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[是、]|\d{1,2}[.．、](?!\d)|[#>*+-]\s)/;
/** Lines of a table that the reader did not take (pipes, or tabs between cells). */
const TABLE_LINE_RE = /\|.*\||\S\t+\S/;
/** What is dropped from the prose: blanks, BOM, Markdown emphasis and code marks. */
const DROPPED_RE = /[\x00-\x20\u00a0\u3000\ufeff*`]+/g;
const FULLWIDTH_DIGITS_RE = /[\uff10-\uff19]/g;
const HAS_FULLWIDTH_DIGIT_RE = /[\uff10-\uff19]/;
const END = Number.MAX_SAFE_INTEGER;
const SENTENCE_END_CHARS = '。；;！!？?';
/**
 * The words some cross-check reads (requests, reviews, lawsuits, results, the statistics period, the fee, a
 * year starting a statement): a paragraph without any is not made into sentences (most of a report's lines).
 */
const TRIGGER_RE =
  /申请|复议|诉讼|予以?公开|部分公开|无法提供|不予处理|其他处理|办结|办理完|统计|处理费|收费|(?:19|20|１９|２０)[\d０-９]{2}/;
/**
 * The same words in one sentence, a year only where it starts a clause (a statement of that year's work):
 * sentences without any are not kept.
 */
const SENTENCE_TRIGGER_RE =
  /申请|复议|诉讼|予以?公开|部分公开|无法提供|不予处理|其他处理|办结|办理完|统计|处理费|收费|(?:^|[。；;：:，,）)])[\s\u3000*]*(?:19|20|１９|２０)[\d０-９]{2}\s*年/;

/** What is not prose: whole lines (tables, the title, page footers), and column ranges of other lines, sorted. */
interface Excluded {
  whole: Uint8Array;
  spans: Map<number, [number, number][]>;
}

function excludedParts(model: ReportModel): Excluded {
  const whole = new Uint8Array(model.lines.length);
  const spans = new Map<number, [number, number][]>();
  const add = (line: number, start: number, end: number) => {
    if (start <= 0 && end === END) {
      whole[line] = 1;
      return;
    }
    let list = spans.get(line);
    if (!list) spans.set(line, (list = []));
    list.push([start, end]);
  };
  const addRange = (r: Range) => {
    for (let l = r.start.line; l <= r.end.line; l++)
      add(l, l === r.start.line ? r.start.character : 0, l === r.end.line ? r.end.character : END);
  };
  // A table covers everything from its first cell to its last (a one-line report holds prose before and after).
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    let first: Position | undefined;
    let last: Position | undefined;
    const visit = (c: Cell | undefined) => {
      if (!c) return;
      if (!first || c.line < first.line || (c.line === first.line && c.start < first.character))
        first = { line: c.line, character: c.start };
      if (!last || c.line > last.line || (c.line === last.line && c.end > last.character)) last = { line: c.line, character: c.end };
    };
    // A row's cells are in text order: its first label or cell and its last cell bound it.
    for (const row of table.rows) {
      visit(row.labels[0]);
      visit(row.rawCells[0]);
      visit(row.labels[row.labels.length - 1]);
      visit(row.rawCells[row.rawCells.length - 1]);
    }
    for (const c of table.legacyMarkers) visit(c);
    for (const c of table.strayNumbers) visit(c);
    for (const c of table.gluedCells) visit(c);
    if (first && last) addRange({ start: first, end: last });
  }
  for (const s of model.sections) addRange(s.heading.range);
  if (model.title) for (const l of model.title.lines) whole[l] = 1;
  if (model.closing.agencyRange) addRange(model.closing.agencyRange);
  if (model.closing.dateRange) addRange(model.closing.dateRange);
  for (const list of spans.values()) list.sort((a, b) => a[0] - b[0]);
  return { whole, spans };
}

/** Collects sentences: normalised text with the source pieces it comes from, cut at sentence ends. */
class SentenceWriter {
  readonly sentences: Sentence[] = [];
  /** The current sentence: source pieces, and their length. */
  private segments: Sentence['segments'] = [];
  private length = 0;
  section = 0;

  /** The current paragraph's pieces: made into sentences only when one holds a word a cross-check reads. */
  private pending: { raw: string; line: number; column: number }[] = [];
  private triggered = false;

  /** Adds the prose `raw` of `line` that starts at column `column` to the current paragraph. */
  add(raw: string, line: number, column: number): void {
    this.pending.push({ raw, line, column });
    if (!this.triggered && TRIGGER_RE.test(raw)) this.triggered = true;
  }

  /** Ends the paragraph (and its last sentence). */
  endParagraph(): void {
    if (this.triggered) for (const p of this.pending) this.addNow(p.raw, p.line, p.column);
    this.flush();
    this.pending = [];
    this.triggered = false;
  }

  private addNow(raw: string, line: number, column: number): void {
    let from = 0;
    while (from < raw.length) {
      SENTENCE_END_RE.lastIndex = from;
      const end = SENTENCE_END_RE.exec(raw);
      const to = Math.min(end ? end.index + 1 : raw.length, from + MAX_SENTENCE - this.length);
      this.segments.push({ line, start: column + from, raw: from === 0 && to === raw.length ? raw : raw.slice(from, to) });
      this.length += to - from;
      if ((end && to === end.index + 1) || this.length >= MAX_SENTENCE) this.flush();
      from = to;
    }
  }

  /** Ends the sentence: kept (normalised) when it holds a word a cross-check reads. */
  private flush(): void {
    if (this.length > 0) {
      const raw = this.segments.map((g) => g.raw).join('');
      if (SENTENCE_TRIGGER_RE.test(raw)) this.sentences.push({ text: normalise(raw), section: this.section, segments: this.segments });
    }
    this.length = 0;
    this.segments = [];
  }
}

function normalise(raw: string): string {
  const text = raw.replace(DROPPED_RE, '');
  return HAS_FULLWIDTH_DIGIT_RE.test(text) ? text.replace(FULLWIDTH_DIGITS_RE, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : text;
}

const NO_SPANS: [number, number][] = [];

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 0xfeff || code === 0xa0 || code === 13;
}
/** Sections whose prose no cross-check reads: 二 (table 2 and its headers) and 五 (problems, plans, last year). */
const UNREAD_SECTIONS = new Set([2, 5]);

function readProse(model: ReportModel): Sentence[] {
  const { whole, spans } = excludedParts(model);
  const starts = model.sections
    .map((s) => ({ section: s.heading.section, line: s.heading.range.start.line, character: s.heading.range.start.character }))
    .sort((a, b) => a.line - b.line || a.character - b.character);
  let nextStart = 0;
  const writer = new SentenceWriter();
  const artifactLines = new Set(model.artifacts.filter((a) => a.wholeLine).map((a) => a.range.start.line));
  const titleEnd = model.title?.lines.at(-1);
  const firstLine = titleEnd === undefined ? 0 : titleEnd + 1;
  /** Did the previous prose line run on (long, no sentence end)? Then this line continues its sentence. */
  let previousWrapped = false;
  const enterSections = (line: number, character: number) => {
    let next = starts[nextStart];
    while (next && (next.line < line || (next.line === line && next.character <= character))) {
      writer.endParagraph();
      writer.section = next.section;
      next = starts[++nextStart];
    }
  };

  for (const [line, text] of model.lines.entries()) {
    if (line < firstLine) continue;
    if (artifactLines.has(line)) continue; // a page footer in the middle of a paragraph does not end it
    if (whole[line] === 1 || TABLE_LINE_RE.test(text) || text.includes('nianbao-')) {
      if (previousWrapped || nextStart < starts.length) {
        writer.endParagraph();
        previousWrapped = false;
        enterSections(line, END);
      }
      continue;
    }
    // First and last non-blank columns (no trimmed copies of the line).
    let first = 0;
    while (first < text.length && isBlank(text.charCodeAt(first))) first++;
    if (first === text.length) continue;
    let end = text.length;
    while (isBlank(text.charCodeAt(end - 1))) end--;
    if (!previousWrapped || ITEM_START_RE.test(text)) writer.endParagraph();
    // The prose pieces of the line: between the excluded spans.
    const excluded = spans.get(line) ?? NO_SPANS;
    let from = first;
    let kept = 0;
    for (let k = 0; k <= excluded.length; k++) {
      const span = excluded[k];
      const s = span ? span[0] : end;
      const e = span ? span[1] : END;
      if (s > from) {
        // A heading inside the line (a one-line report) starts its section at its column.
        enterSections(line, from);
        if (!UNREAD_SECTIONS.has(writer.section)) {
          writer.add(text.slice(from, s), line, from);
          kept += s - from;
        }
      }
      if (s < end) {
        writer.endParagraph();
        enterSections(line, s);
      }
      from = Math.max(from, e);
    }
    const last = text.charAt(end - 1);
    previousWrapped = kept >= WRAPPED_LINE_MIN && !SENTENCE_END_CHARS.includes(last) && last !== '：' && last !== ':';
    if (!previousWrapped) writer.endParagraph();
  }
  writer.endParagraph();
  return writer.sentences;
}

// ---------------------------------------------------------------------------
// Numbers and years in a sentence

/** A number written with digits (thousands separators allowed) or Chinese numerals (一, 两, 十二, 一百零三). */
export const NUMBER_SOURCE = String.raw`(\d{1,3}(?:,\d{3})+|\d+|[零〇一二两三四五六七八九十百千万]+)`;

/** The units within a 万 (万 itself multiplies everything before it). */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/** The value of a number as `NUMBER_SOURCE` matches it, or undefined when Chinese numerals do not form a number. */
export function parseNumber(text: string): number | undefined {
  if (/^[\d,]+$/.test(text)) return Number(text.replace(/,/g, ''));
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const c of text) {
    const unit = UNITS.get(c);
    if (c === '两') {
      if (digit !== undefined) return undefined;
      digit = 2;
    } else if (unit !== undefined) {
      section += (digit ?? (section === 0 && total === 0 ? 1 : NaN)) * unit;
      digit = undefined;
    } else if (c in CHINESE_DIGITS) {
      if (digit !== undefined && digit !== 0 && CHINESE_DIGITS[c] !== 0) return undefined; // 一二: not a number
      digit = CHINESE_DIGITS[c];
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  const value = total + section + (digit ?? 0);
  return Number.isFinite(value) ? value : undefined;
}

const YEAR_IN_TEXT_RE = /((?:19|20)\d{2})年/g;

/** The years `YYYY年` a sentence names outside 《…》 titles. */
export function yearsIn(text: string): { year: number; index: number }[] {
  const out: { year: number; index: number }[] = [];
  if (!text.includes('年')) return out;
  let depth = 0;
  let titleFrom = -1;
  const titles: [number, number][] = [];
  for (let i = text.indexOf('《'); i >= 0 && i < text.length; i++) {
    if (text[i] === '《') {
      if (depth++ === 0) titleFrom = i;
    } else if (text[i] === '》' && depth > 0 && --depth === 0) titles.push([titleFrom, i]);
  }
  YEAR_IN_TEXT_RE.lastIndex = 0;
  for (let m = YEAR_IN_TEXT_RE.exec(text); m; m = YEAR_IN_TEXT_RE.exec(text)) {
    const index = m.index;
    if (titles.some(([s, e]) => index > s && index < e)) continue;
    out.push({ year: Number(m[1]), index });
  }
  return out;
}

/** Comparisons with another period: numbers in such a sentence are not this year's. */
const COMPARISON_RE =
  /同比|环比|相比|相较|[较比与](?:上|去|前|(?:19|20)\d{2})|去年|上一年|上年度(?!结转)|上年同期|同期|增长|下降|增加|减少|持平|分别/;
/** Numbers of other agencies (a whole area or system, subordinate units). */
const OTHER_AGENCIES_RE =
  /全(?:省|市|州|盟|县|区|旗|镇|乡|系统|委|局)|各(?:部门|单位|乡镇|乡|镇|街道|县|区|市|级|科室|处室|医院|机构|成员单位|地)|下属|所属|直属|本系统|系统内|二级单位/;

/**
 * Is this sentence about the report's own year and own agency? Not when it compares with another period,
 * names another year, or speaks of other agencies.
 */
export function aboutOwnYear(sentence: Sentence, year: number | undefined): boolean {
  if (COMPARISON_RE.test(sentence.text) || OTHER_AGENCIES_RE.test(sentence.text)) return false;
  if (year === undefined) return true;
  return yearsIn(sentence.text).every((y) => y.year === year);
}
