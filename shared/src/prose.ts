// The report's prose as sentences, for the cross-checks (narrative-mismatch, year-mismatch, fee-missing):
// every line outside the tables, the title, the closing and conversion leftovers, joined where a sentence
// wraps (pdftotext, Word line breaks) and cut at 。；！？, at headings and where a new item starts
// (（一）, 一是, 1.). Sections 二 and 五 are left out (nothing there is cross-checked). Blanks and Markdown emphasis are dropped and full-width digits made ASCII, so that
// `2023 年` and `**21** 件` read as 2023年 and 21件; each character keeps its source position, so a
// finding points at the exact text. Built once per model (the rules share it).

import type { Cell, Position, Range, ReportModel, TableModel } from './model';
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
 * A value derived from a model, computed once per model and kept for the rules that ask next: the rules of
 * one check run one after the other on the same model, so the last model's value is all that is kept (no
 * property added to the model, which would change its shape for every later reader of it).
 */
export function memoOnModel<T>(model: ReportModel, key: symbol, compute: (model: ReportModel) => T): T {
  const last = lastValues.get(key);
  if (last !== undefined && last.model === model) return last.value as T;
  const value = compute(model);
  lastValues.set(key, { model, value });
  return value;
}
const lastValues = new Map<symbol, { model: ReportModel; value: unknown }>();

const PROSE = Symbol('nianbao.prose');

/** The report's sentences (computed once per model). */
export function proseOf(model: ReportModel): Sentence[] {
  return memoOnModel(model, PROSE, readProse);
}

/** No real sentence is longer: a longer run (a text without punctuation) is cut, keeping every search linear. */
const MAX_SENTENCE = 2000;
/** A line shorter than this that does not end a sentence is a sub-heading (（一）主动公开方面), not a wrapped line. */
const WRAPPED_LINE_MIN = 20;
const SENTENCE_END_CHARS = '。；;！!？?';
const SENTENCE_END_RE = new RegExp(`[${SENTENCE_END_CHARS}]`, 'g');
/** A line that starts a new item: （一）, (1), 一是, 一、, 1. 1、, Markdown list, quote or heading marks. */
const ITEM_START_RE =
  /^[\s\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[是、]|\d{1,2}[.．、](?!\d)|[#>*+-]\s)/;
/** Lines of a table that the reader did not take (pipes, or tabs between cells). */
const TABLE_LINE_RE = /\|.*\||\S\t+\S/;
/** Is this a table line the reader did not take? (A line with neither `|` nor a tab is not: most lines.) */
function isTableLine(text: string): boolean {
  return (text.includes('|') || text.includes('\t')) && TABLE_LINE_RE.test(text);
}
/** What is dropped from the prose: blanks, BOM, Markdown emphasis and code marks. */
const DROPPED_RE = /[\x00-\x20\u00a0\u3000\ufeff*`]+/g;
const FULLWIDTH_DIGITS_RE = /[\uff10-\uff19]/g;
const HAS_FULLWIDTH_DIGIT_RE = /[\uff10-\uff19]/;
/** What `normalise` changes: DROPPED_RE's characters and full-width digits. */
const CHANGED_BY_NORMALISE_RE = /[\x00-\x20\u00a0\u3000\ufeff*`\uff10-\uff19]/;
const END = Number.MAX_SAFE_INTEGER;
/**
 * The words some cross-check reads (requests, reviews, lawsuits, results, the statistics period, the fee, a
 * year starting a statement): a paragraph without any is not made into sentences (most of a report's lines).
 */
const TRIGGER_WORDS = '申请|复议|诉讼|予以?公开|部分公开|无法提供|不予处理|其他处理|办结|办理完|统计|处理费|收费';
/** A year, `2024` or full-width `２０２４`. */
const YEAR_DIGITS = '(?:19|20|１９|２０)[\\d０-９]{2}';
const TRIGGER_RE = new RegExp(`${TRIGGER_WORDS}|${YEAR_DIGITS}`);
/**
 * The same words in one sentence, a year only where it starts a clause (a statement of that year's work):
 * sentences without any are not kept.
 */
const SENTENCE_TRIGGER_RE = new RegExp(`${TRIGGER_WORDS}|(?:^|[。；;：:，,）)])[\\s\\u3000*]*${YEAR_DIGITS}\\s*年`);

/**
 * SENTENCE_TRIGGER_RE's search over a whole paragraph, one character at a time: most characters start no
 * word and end no sentence, so a table of characters sends only the few that may start a word to the sticky
 * patterns, and marks the sentence ends. A year counts where it starts a clause, including right after a
 * sentence end (where a sentence of its own starts).
 */
const TRIGGER_WORD_RE = new RegExp(TRIGGER_WORDS, 'y');
const CLAUSE_YEAR_RE = new RegExp(`${YEAR_DIGITS}\\s*年`, 'y');
const WORD_START = 1;
const YEAR_START = 2;
const SENTENCE_END = 3;
const CHAR_KINDS = new Uint8Array(0x10000);
for (const word of TRIGGER_WORDS.split('|')) CHAR_KINDS[word.charCodeAt(0)] = WORD_START;
for (const c of '12１２') CHAR_KINDS[c.charCodeAt(0)] = YEAR_START;
for (const c of SENTENCE_END_CHARS) CHAR_KINDS[c.charCodeAt(0)] = SENTENCE_END;
/** What may stand before a year that starts a clause: punctuation, after blanks and `*`. */
const CLAUSE_BREAKS = '。；;！!？?：:，,）)';
const BLANK_OR_STAR_RE = /[\s\u3000*]/;

/** Does a clause start at `index` of `raw` (at its start, or after punctuation and blanks)? */
function clauseStartsAt(raw: string, index: number): boolean {
  let i = index;
  while (i > 0 && BLANK_OR_STAR_RE.test(raw.charAt(i - 1))) i--;
  return i === 0 || CLAUSE_BREAKS.includes(raw.charAt(i - 1));
}

/** The index of the last character of the word a cross-check reads that starts at `i` (of kind `kind`), else -1. */
function triggerAt(raw: string, i: number, kind: number): number {
  if (kind === WORD_START) {
    TRIGGER_WORD_RE.lastIndex = i;
    if (TRIGGER_WORD_RE.test(raw)) return TRIGGER_WORD_RE.lastIndex - 1;
  } else if (kind === YEAR_START && clauseStartsAt(raw, i)) {
    CLAUSE_YEAR_RE.lastIndex = i;
    if (CLAUSE_YEAR_RE.test(raw)) return CLAUSE_YEAR_RE.lastIndex - 1;
  }
  return -1;
}

/**
 * What is not prose: runs of whole lines (a table from its first cell's line to its last, the title) as
 * sorted, merged intervals, and column ranges of other lines, sorted. (Page footers are passed over apart:
 * they do not end a paragraph.)
 */
interface Excluded {
  blocks: LineBlock[];
  spans: Map<number, [number, number][]>;
}
/** Lines `from` to `to` (inclusive). */
interface LineBlock {
  from: number;
  to: number;
}

/** The range from a table's first cell to its last (in text order), given to `addRange` when it has cells. */
function addTableSpan(table: TableModel, addRange: (r: Range) => void): void {
  // Bounds as numbers, not positions: this runs for every row of every table.
  let firstLine = Infinity;
  let firstChar = 0;
  let lastLine = -1;
  let lastChar = 0;
  const visit = (c: Cell | undefined): void => {
    if (!c) return;
    if (c.line < firstLine || (c.line === firstLine && c.start < firstChar)) {
      firstLine = c.line;
      firstChar = c.start;
    }
    if (c.line > lastLine || (c.line === lastLine && c.end > lastChar)) {
      lastLine = c.line;
      lastChar = c.end;
    }
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
  if (lastLine >= 0) addRange({ start: { line: firstLine, character: firstChar }, end: { line: lastLine, character: lastChar } });
}

function excludedParts(model: ReportModel): Excluded {
  const wholeLines: LineBlock[] = [];
  const spans = new Map<number, [number, number][]>();
  const addSpan = (line: number, start: number, end: number) => {
    let list = spans.get(line);
    if (!list) spans.set(line, (list = []));
    list.push([start, end]);
  };
  const addRange = (r: Range) => {
    const { start, end } = r;
    if (start.line === end.line) {
      addSpan(start.line, start.character, end.character);
      return;
    }
    // The first line from the range's start (whole when that is column 0), the lines between, the last line's start.
    let from = start.line + 1;
    if (start.character <= 0) from = start.line;
    else addSpan(start.line, start.character, END);
    if (end.line > from) wholeLines.push({ from, to: end.line - 1 });
    addSpan(end.line, 0, end.character);
  };
  // A table covers everything from its first cell to its last (a one-line report holds prose before and after).
  for (const table of Object.values(model.tables)) {
    if (table) addTableSpan(table, addRange);
  }
  for (const s of model.sections) addRange(s.heading.range);
  if (model.title) for (const l of model.title.lines) wholeLines.push({ from: l, to: l });
  if (model.closing.agencyRange) addRange(model.closing.agencyRange);
  if (model.closing.dateRange) addRange(model.closing.dateRange);
  for (const list of spans.values()) list.sort((a, b) => a[0] - b[0]);
  return { blocks: mergeBlocks(wholeLines), spans };
}

/** Sorted, with overlapping and adjacent blocks joined. */
function mergeBlocks(blocks: LineBlock[]): LineBlock[] {
  blocks.sort((a, b) => a.from - b.from);
  const merged: LineBlock[] = [];
  let last: LineBlock | undefined;
  for (const b of blocks) {
    if (last && b.from <= last.to + 1) last.to = Math.max(last.to, b.to);
    else merged.push((last = { from: b.from, to: b.to }));
  }
  return merged;
}

/** A piece of a source line in the current paragraph: `raw` as written, from column `column` of `line`. */
interface Piece {
  raw: string;
  line: number;
  column: number;
}

/**
 * Collects sentences: normalised text with the source pieces it comes from, cut at sentence ends. Only the
 * sentences holding a word a cross-check reads are kept, so a paragraph is searched once for those words and
 * only the sentences around them are cut out; a paragraph longer than a sentence may be (MAX_SENTENCE), where
 * cuts by length change what a sentence starts with, is cut from the start, sentence by sentence.
 */
class SentenceWriter {
  readonly sentences: Sentence[] = [];
  section = 0;

  /** The current paragraph's pieces. */
  private pending: Piece[] = [];
  /** The current sentence (while a long paragraph is cut from the start): source pieces, and their length. */
  private segments: Sentence['segments'] = [];
  private length = 0;

  /** Adds the prose `raw` of `line` that starts at column `column` to the current paragraph. */
  add(raw: string, line: number, column: number): void {
    this.pending.push({ raw, line, column });
  }

  /** Ends the paragraph: keeps its sentences that hold a word a cross-check reads. */
  endParagraph(): void {
    const pieces = this.pending;
    if (pieces.length === 0) return; // between tables and headings: most calls
    this.pending = [];
    const raw = pieces.length === 1 ? (pieces[0]?.raw ?? '') : pieces.map((p) => p.raw).join('');
    if (raw.length > MAX_SENTENCE) {
      if (!TRIGGER_RE.test(raw)) return;
      for (const p of pieces) this.addNow(p.raw, p.line, p.column);
      this.flush();
      return;
    }
    // One pass: where the current sentence started, and the words; a sentence holding one is kept whole (a
    // year after 。 belongs to the sentence it starts), and the search goes on after it.
    let sentenceStart = 0;
    for (let i = 0; i < raw.length; i++) {
      const kind = CHAR_KINDS[raw.charCodeAt(i)];
      if (kind === 0) continue;
      if (kind === SENTENCE_END) {
        sentenceStart = i + 1;
        continue;
      }
      const at = triggerAt(raw, i, kind ?? 0);
      if (at < 0) continue;
      let end = at + 1;
      while (end < raw.length && CHAR_KINDS[raw.charCodeAt(end - 1)] !== SENTENCE_END) end++;
      this.keep(pieces, raw, sentenceStart, end);
      sentenceStart = end;
      i = end - 1;
    }
  }

  /** Keeps the sentence raw[start, end) of the paragraph made of `pieces`. */
  private keep(pieces: Piece[], raw: string, start: number, end: number): void {
    const segments: Sentence['segments'] = [];
    let offset = 0;
    for (const p of pieces) {
      const pieceEnd = offset + p.raw.length;
      if (pieceEnd > start && offset < end) {
        const from = Math.max(start, offset) - offset;
        const to = Math.min(end, pieceEnd) - offset;
        segments.push({ line: p.line, start: p.column + from, raw: from === 0 && to === p.raw.length ? p.raw : p.raw.slice(from, to) });
      }
      if (pieceEnd >= end) break;
      offset = pieceEnd;
    }
    this.sentences.push({ text: normalise(raw.slice(start, end)), section: this.section, segments });
  }

  /** Cuts a long paragraph's piece into sentences, from the start (at sentence ends and every MAX_SENTENCE characters). */
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

  /** Ends the sentence of a long paragraph: kept (normalised) when it holds a word a cross-check reads. */
  private flush(): void {
    if (this.length === 0) return;
    const segments = this.segments;
    const raw = segments.length === 1 ? (segments[0]?.raw ?? '') : segments.map((g) => g.raw).join('');
    if (SENTENCE_TRIGGER_RE.test(raw)) this.sentences.push({ text: normalise(raw), section: this.section, segments });
    this.length = 0;
    this.segments = [];
  }
}

function normalise(raw: string): string {
  if (!CHANGED_BY_NORMALISE_RE.test(raw)) return raw; // one search: most sentences have nothing to drop or widen
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
  const { blocks, spans } = excludedParts(model);
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
  /** Is the current section one no cross-check reads? */
  let unread = false;
  const enterSections = (line: number, character: number) => {
    let next = starts[nextStart];
    while (next && (next.line < line || (next.line === line && next.character <= character))) {
      writer.endParagraph();
      writer.section = next.section;
      unread = UNREAD_SECTIONS.has(next.section);
      next = starts[++nextStart];
    }
  };

  /** A line that is not prose (a table's, the title's, a comment) ends the paragraph. */
  const notProse = (line: number) => {
    if (previousWrapped || nextStart < starts.length) {
      writer.endParagraph();
      previousWrapped = false;
      enterSections(line, END);
    }
  };

  const lines = model.lines;
  let block = 0;
  for (let line = firstLine; line < lines.length; line++) {
    const next = starts[nextStart];
    if (unread && (!next || next.line > line)) {
      line = (next ? next.line : lines.length) - 1; // nothing up to the next heading is kept
      continue;
    }
    if (artifactLines.has(line)) continue; // a page footer in the middle of a paragraph does not end it
    let whole = blocks[block];
    while (whole && whole.to < line) whole = blocks[++block];
    if (whole && whole.from <= line) {
      notProse(line);
      // No heading starts in the rest of the block: its other lines change nothing (the paragraph has ended,
      // the section stays), so they are passed over at once.
      if (!next || next.line > whole.to) line = whole.to;
      continue;
    }
    const text = lines[line] ?? ''; // always there: line < lines.length
    if (isTableLine(text) || text.includes('nianbao-')) {
      notProse(line);
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
        if (!unread) {
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
