// Cells of a line: a cell's text, range and kind (number, placeholder, empty, text), and the splits
// that several encodings share (on a separator; a label from the numbers after it). Which encoding a
// line is in, and how it splits, is each encoding's own (shared/src/encodings).

import type { Cell } from './model';
import { isAsciiDigits, isPlaceholder, isRegExpSpace, isUsableCount, parseNumber } from './text';

/** Longest cell text the tokenizer classifies in detail; longer cells are prose. */
export const MAX_CELL_LENGTH = 2000;

const BOOKMARK_RE = /\[bookmark:[^\]\n]{0,200}\]/g;

function hasRegExpSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isRegExpSpace(text.charCodeAt(i))) return true;
  return false;
}
const TRAILING_NUMBERS_RE = /^(.*?[^\d\s.,，-])((?:\s+[-+]?\d[\d,，]*(?:\.\d+)?)+)$/;

export function isBlankChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

/** The blanks a line starts with (its indentation). */
export function leadingBlanks(text: string): string {
  return /^[\s\u3000]*/.exec(text)?.[0] ?? '';
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
      // Both groups take part in every match: undefined only when there is none.
      const [, digits, note] = NOTED_NUMBER_RE.exec(text) ?? [];
      if (digits !== undefined && note !== undefined && !/^\s*[增减]\s*$/.test(note)) {
        const value = Number(digits);
        const cell: Cell = { text: digits, line, start, end: start + digits.length, kind: 'number', value };
        if (digits.includes('.')) cell.decimal = true;
        if (isUsableCount(value, cell.decimal === true)) return cell;
      }
    }
  }
  return { text, line, start, end, kind: 'text' };
}

/** A number with a note in brackets after it; the note holds an ideograph (`（其中修订 16 件）`, `(含新制定)`). */
const NOTED_NUMBER_RE = /^(\d{1,9}(?:\.\d+)?)\s*[（(]([^（）()]*[\u4e00-\u9fff][^（）()]*)[）)]$/;

/** The cells of line[from, to] between occurrences of `separator`. */
export function splitOn(lineText: string, line: number, separator: string, from: number, to: number): Cell[] {
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
export function pushSplitTrailingNumbers(out: Cell[], lineText: string, line: number, cell: Cell): void {
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
    // The label group takes part in every match: undefined only when there is none.
    const [, label] = TRAILING_NUMBERS_RE.exec(cell.text) ?? [];
    if (label === undefined) {
      out.push(cell);
      return;
    }
    labelEnd = cell.start + label.length;
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

/**
 * Whether line[from, to) may be a label with numbers after it (`行政许可 550`): it ends in a digit or a
 * thousands separator and holds a blank. Necessary for pushSplitTrailingNumbers to split its cell.
 */
export function isTrailingNumbersCandidate(lineText: string, from: number, to: number): boolean {
  const last = lineText.charCodeAt(to - 1);
  if (!((last >= 48 && last <= 57) || last === 44 /* , */ || last === 0xff0c) /* ， */) return false;
  for (let i = from; i < to; i++) if (isRegExpSpace(lineText.charCodeAt(i))) return true;
  return false;
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
