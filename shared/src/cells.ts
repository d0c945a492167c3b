// Turns one line of text into cells, whatever the table encoding: pipes, tabs, runs of
// spaces, or the whole line as one cell. Every cell keeps its exact column range.

import type { Cell } from './model';
import { isCommentLine } from './suppressions';
import { isAsciiDigits, isPlaceholder, isRegExpSpace, isUsableCount, parseNumber } from './text';

export type LineLayout = 'blank' | 'single' | 'pipe' | 'markdown' | 'separator' | 'tab' | 'spaces';

export interface TokenizedLine {
  layout: LineLayout;
  cells: Cell[];
}

/** Every blank line's tokens: one shared, frozen value (a line's tokens are never changed). */
const BLANK_LINE: TokenizedLine = Object.freeze({ layout: 'blank', cells: Object.freeze([]) as unknown as Cell[] });

/** Longest cell text the tokenizer classifies in detail; longer cells are prose. */
const MAX_CELL_LENGTH = 2000;

const BOOKMARK_RE = /\[bookmark:[^\]\n]{0,200}\]/g;
const SEPARATOR_CELL_RE = /^\s*:?-{1,}:?\s*$/;

/** Is the line blank (only characters of `\s`, which include U+3000 and U+00A0)? */
function isBlankLine(lineText: string): boolean {
  // Most lines start with content; the others (pdftotext: long runs of blanks) are searched natively.
  if (lineText.length > 0 && !isRegExpSpace(lineText.charCodeAt(0))) return false;
  return !NOT_SPACE_RE.test(lineText);
}
const NOT_SPACE_RE = /\S/;
const SPECIAL_CHARS_RE = /[|\t\u00a0\u3000]/;
/** The blanks isBlankChar accepts, as a sticky pattern: where the leading ones end, found natively. */
const LEADING_BLANK_CHARS_RE = /[ \t\u3000\u00a0\ufeff\u200b]*/y;

function hasRegExpSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isRegExpSpace(text.charCodeAt(i))) return true;
  return false;
}
const TRAILING_NUMBERS_RE = /^(.*?[^\d\s.,，-])((?:\s+[-+]?\d[\d,，]*(?:\.\d+)?)+)$/;

function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/** Builds a cell from line[start, end), trimming blanks and a leading `[bookmark: …]`. */
export function makeCell(lineText: string, line: number, start: number, end: number): Cell {
  while (start < end && isBlankChar(lineText.charCodeAt(start))) start++;
  while (end > start && isBlankChar(lineText.charCodeAt(end - 1))) end--;
  let text = lineText.slice(start, end);
  if (text.startsWith('[bookmark:')) {
    const close = text.indexOf(']');
    if (close > 0) {
      start += close + 1;
      while (start < end && isBlankChar(lineText.charCodeAt(start))) start++;
      text = lineText.slice(start, end);
    }
  }
  return classified(text, line, start, end);
}

/** The cell of a text, classified; built in its final shape (text, line, start, end, kind, then value, delta, decimal). */
function classified(text: string, line: number, start: number, end: number): Cell {
  if (text.length === 0) return { text, line, start, end, kind: 'empty' };
  if (text.length <= MAX_CELL_LENGTH) {
    // Plain digits, the most common cell, without parseNumber's result object (same value).
    // (Ten digits or more can exceed MAX_COUNT: they take the general path.)
    if (text.length <= 9 && isAsciiDigits(text)) return { text, line, start, end, kind: 'number', value: Number(text) };
    const n = parseNumber(text);
    if (n && isUsableCount(n.value, n.decimal)) {
      const cell: Cell = { text, line, start, end, kind: 'number', value: n.value };
      if (n.delta) cell.delta = true;
      if (n.decimal) cell.decimal = true;
      return cell;
    }
    if (isPlaceholder(text)) return { text, line, start, end, kind: 'placeholder' };
    // A note after the number (`22（其中修订 16 件）`): the cell is the number; the note belongs to it.
    const c = text.charCodeAt(0);
    if (c >= 48 && c <= 57 && text.length <= 60) {
      const note = NOTED_NUMBER_RE.exec(text);
      if (note && !/^\s*[增减]\s*$/.test(note[2])) {
        const value = Number(note[1]);
        const cell: Cell = { text: note[1], line, start, end: start + note[1].length, kind: 'number', value };
        if (note[1].includes('.')) cell.decimal = true;
        if (isUsableCount(value, cell.decimal === true)) return cell;
      }
    }
  }
  return { text, line, start, end, kind: 'text' };
}

/** A number with a note in brackets after it; the note holds an ideograph (`（其中修订 16 件）`, `(含新制定)`). */
const NOTED_NUMBER_RE = /^(\d{1,9}(?:\.\d+)?)\s*[（(]([^（）()]*[\u4e00-\u9fff][^（）()]*)[）)]$/;

function splitOn(lineText: string, line: number, separator: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  if (to < from) return cells;
  for (let start = from; ;) {
    let i = lineText.indexOf(separator, start);
    if (i < 0 || i > to) i = to;
    cells.push(makeCell(lineText, line, start, i));
    if (i === to) return cells;
    start = i + 1;
  }
}

/** Splits a spaced cell like `行政许可 550` or `21 0 0` into its label and numbers, appended to `out`. */
function pushSplitTrailingNumbers(out: Cell[], lineText: string, line: number, cell: Cell): void {
  if (cell.kind !== 'text' || cell.text.length > 200) {
    out.push(cell);
    return;
  }
  // Both patterns below end in a digit or a thousands separator, and need a blank between the
  // label and the numbers: anything else is one cell.
  const last = cell.text.charCodeAt(cell.text.length - 1);
  if (!((last >= 48 && last <= 57) || last === 44 /* , */ || last === 0xff0c /* ， */) || !hasRegExpSpace(cell.text)) {
    out.push(cell);
    return;
  }
  const allNumbers = /^[-+]?\d[\d,，]*(?:\.\d+)?(?:\s+[-+]?\d[\d,，]*(?:\.\d+)?)+$/.test(cell.text);
  let labelEnd = cell.start;
  let numbersFrom = cell.start;
  if (!allNumbers) {
    const m = TRAILING_NUMBERS_RE.exec(cell.text);
    if (!m) {
      out.push(cell);
      return;
    }
    labelEnd = cell.start + m[1].length;
    numbersFrom = labelEnd;
  }
  if (!allNumbers) out.push(makeCell(lineText, line, cell.start, labelEnd));
  let i = numbersFrom;
  while (i < cell.end) {
    while (i < cell.end && isBlankChar(lineText.charCodeAt(i))) i++;
    const s = i;
    while (i < cell.end && !isBlankChar(lineText.charCodeAt(i))) i++;
    if (i > s) out.push(makeCell(lineText, line, s, i));
  }
}

/** Tokenizes one line. */
export function tokenizeLine(lineText: string, line: number): TokenizedLine {
  // A Markdown/HTML comment or a `// nianbao-disable` directive alone on a line is not content.
  if (isBlankLine(lineText) || isCommentLine(lineText)) return BLANK_LINE;
  if (lineText.length > MAX_CELL_LENGTH * 4) {
    // Far too long for a table row: one prose cell, not classified further.
    return { layout: 'single', cells: [{ text: lineText.trim(), line, start: 0, end: lineText.length, kind: 'text' }] };
  }
  let from = 0;
  let to = lineText.length;
  if (isBlankChar(lineText.charCodeAt(0))) {
    LEADING_BLANK_CHARS_RE.lastIndex = 0;
    LEADING_BLANK_CHARS_RE.test(lineText);
    from = LEADING_BLANK_CHARS_RE.lastIndex;
  }
  while (to > from && isBlankChar(lineText.charCodeAt(to - 1))) to--;
  // One native scan for what the branches below look for: pipes, tabs, no-break and ideographic spaces.
  const special = SPECIAL_CHARS_RE.test(lineText);

  if (special && lineText.includes('|')) {
    const markdown = lineText[from] === '|';
    let a = from;
    let b = to;
    if (markdown) a++;
    if (b > a && lineText[b - 1] === '|') b--;
    const cells = splitOn(lineText, line, '|', a, b);
    if (markdown && cells.length > 0 && cells.every((c) => SEPARATOR_CELL_RE.test(c.text))) {
      return { layout: 'separator', cells: [] };
    }
    return { layout: markdown ? 'markdown' : 'pipe', cells };
  }

  if (special && lineText.indexOf('\t', from) >= 0 && lineText.indexOf('\t', from) < to) {
    // A tab after the content started: tab-separated row. Leading tabs are empty cells (merged cells lost).
    const leading = lineText.slice(0, from);
    const cells: Cell[] = [];
    if (leading.includes('\t')) {
      // Each leading tab beyond the first stands for one empty cell.
      let prev = 0;
      for (let i = 0; i < from; i++) {
        if (lineText[i] === '\t') {
          if (i > 0) cells.push(makeCell(lineText, line, prev, i));
          prev = i + 1;
        }
      }
    }
    // Trailing tabs are empty trailing cells (a row whose last cells were left blank).
    let tabTo = lineText.length;
    while (tabTo > to && lineText[tabTo - 1] !== '\t') tabTo--;
    for (const c of splitOn(lineText, line, '\t', from, tabTo)) {
      pushSplitTrailingNumbers(cells, lineText, line, c);
    }
    return { layout: 'tab', cells };
  }

  // Runs of two or more spaces separate columns (pdftotext -layout).
  // A gap is made of blanks, and line[to - 1] is not one: a gap that starts before `to` ends before it.
  // Most lines have only plain spaces: their gaps are found natively.
  const plain = !special || (lineText.indexOf('\u00a0') < 0 && lineText.indexOf('\u3000') < 0);
  let gap = nextWideGap(lineText, from, to, plain);
  if (gap < 0) {
    // No gap: one cell (the most common line), or a label and its numbers.
    const cell = makeCell(lineText, line, from, to);
    if (cell.kind !== 'text') return { layout: 'single', cells: [cell] };
    const split: Cell[] = [];
    pushSplitTrailingNumbers(split, lineText, line, cell);
    return { layout: split.length > 1 ? 'spaces' : 'single', cells: split };
  }
  const split: Cell[] = [];
  let start = from;
  for (; gap >= 0; gap = nextWideGap(lineText, start, to, plain)) {
    pushSplitTrailingNumbers(split, lineText, line, makeCell(lineText, line, start, gap));
    start = wideGapEnd(lineText, gap, plain);
  }
  pushSplitTrailingNumbers(split, lineText, line, makeCell(lineText, line, start, to));
  return { layout: 'spaces', cells: split };
}

const isSpaceOrNbsp = (c: number): boolean => c === 32 || c === 0xa0;
const SPACES_RE = / +/y;

/**
 * Where the next wide gap starts in line[from, to), or -1: two spaces (also no-break), or an ideographic
 * space. The same matches as the regular expression `(?:[ \u00a0]{2,}|\u3000+[ \u00a0\u3000]*)` with the g flag,
 * without a regex call per gap.
 */
function nextWideGap(line: string, from: number, to: number, plainSpaces: boolean): number {
  if (plainSpaces) {
    const p = line.indexOf('  ', from);
    return p >= 0 && p < to ? p : -1;
  }
  for (let p = from; p < to; p++) {
    const c = line.charCodeAt(p);
    if (c === 0x3000 || (isSpaceOrNbsp(c) && p + 1 < line.length && isSpaceOrNbsp(line.charCodeAt(p + 1)))) return p;
  }
  return -1;
}

/** Where the wide gap starting at `at` ends (greedy, like the regular expression). */
function wideGapEnd(line: string, at: number, plainSpaces: boolean): number {
  if (plainSpaces) {
    SPACES_RE.lastIndex = at;
    SPACES_RE.test(line);
    return SPACES_RE.lastIndex;
  }
  let q = at;
  if (line.charCodeAt(q) === 0x3000) {
    while (q < line.length && (line.charCodeAt(q) === 0x3000 || isSpaceOrNbsp(line.charCodeAt(q)))) q++;
  } else {
    while (q < line.length && isSpaceOrNbsp(line.charCodeAt(q))) q++;
  }
  return q;
}

/** Ranges of `[bookmark: …]` artifacts on a line. */
export function findBookmarks(lineText: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  BOOKMARK_RE.lastIndex = 0;
  for (let m = BOOKMARK_RE.exec(lineText); m; m = BOOKMARK_RE.exec(lineText)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
