// Turns one line of text into cells, whatever the table encoding: pipes, tabs, runs of
// spaces, or the whole line as one cell. Every cell keeps its exact column range.

import type { Cell, CellKind } from './model';
import { isCommentLine } from './suppressions';
import { isPlaceholder, isRegExpSpace, parseNumber } from './text';

export type LineLayout = 'blank' | 'single' | 'pipe' | 'markdown' | 'separator' | 'tab' | 'spaces';

export interface TokenizedLine {
  layout: LineLayout;
  cells: Cell[];
}

/** Longest cell text the tokenizer classifies in detail; longer cells are prose. */
const MAX_CELL_LENGTH = 2000;

const BOOKMARK_RE = /\[bookmark:[^\]\n]{0,200}\]/g;
const SEPARATOR_CELL_RE = /^\s*:?-{1,}:?\s*$/;

/** Is the line blank (only characters of `\s`, which include U+3000 and U+00A0)? */
function isBlankLine(lineText: string): boolean {
  for (let i = 0; i < lineText.length; i++) if (!isRegExpSpace(lineText.charCodeAt(i))) return false;
  return true;
}

function hasRegExpSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isRegExpSpace(text.charCodeAt(i))) return true;
  return false;
}
const WIDE_GAP_RE = /(?:[ \u00a0]{2,}|\u3000+[ \u00a0\u3000]*)/g;
const TRAILING_NUMBERS_RE = /^(.*?[^\d\s.,，\-])((?:\s+[-+]?\d[\d,，]*(?:\.\d+)?)+)$/;

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
  return classify({ text, line, start, end, kind: 'text' });
}

function classify(cell: Cell): Cell {
  const text = cell.text;
  let kind: CellKind = 'text';
  if (text.length === 0) kind = 'empty';
  else if (text.length <= MAX_CELL_LENGTH) {
    const n = parseNumber(text);
    if (n) {
      kind = 'number';
      cell.value = n.value;
      if (n.delta) cell.delta = true;
      if (n.decimal) cell.decimal = true;
    } else if (isPlaceholder(text)) kind = 'placeholder';
  }
  cell.kind = kind;
  return cell;
}

function splitOn(lineText: string, line: number, separator: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  if (to < from) return cells;
  for (let start = from; ; ) {
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
  if (isBlankLine(lineText) || isCommentLine(lineText)) return { layout: 'blank', cells: [] };
  if (lineText.length > MAX_CELL_LENGTH * 4) {
    // Far too long for a table row: one prose cell, not classified further.
    return { layout: 'single', cells: [{ text: lineText.trim(), line, start: 0, end: lineText.length, kind: 'text' }] };
  }
  let from = 0;
  let to = lineText.length;
  while (from < to && isBlankChar(lineText.charCodeAt(from))) from++;
  while (to > from && isBlankChar(lineText.charCodeAt(to - 1))) to--;

  if (lineText.includes('|')) {
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

  if (lineText.indexOf('\t', from) >= 0 && lineText.indexOf('\t', from) < to) {
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
  const split: Cell[] = [];
  WIDE_GAP_RE.lastIndex = from;
  let start = from;
  let gaps = 0;
  const body = lineText.slice(0, to);
  for (let m = WIDE_GAP_RE.exec(body); m; m = WIDE_GAP_RE.exec(body)) {
    pushSplitTrailingNumbers(split, lineText, line, makeCell(lineText, line, start, m.index));
    start = m.index + m[0].length;
    gaps++;
  }
  pushSplitTrailingNumbers(split, lineText, line, makeCell(lineText, line, start, to));
  return { layout: gaps > 0 || split.length > 1 ? 'spaces' : 'single', cells: split };
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
