// Columns aligned by runs of spaces (`pdftotext -layout`, seed 005): two or more spaces, or an ideographic
// space, between cells; also a label and its numbers separated by single spaces (`行政许可 550`).

import { isTrailingNumbersCandidate, makeCell, pushSplitTrailingNumbers, leadingBlanks } from '../cells';
import type { Cell } from '../model';
import { plainRows } from './rows';
import type { EncodingModule, LineInput, TokenizedLine, RowSample, RowCells, RowOptions, WrittenCell, WrittenRow } from './types';

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

/**
 * Labels joined by the gap, then each value at its stop when one is known and leaves a gap of two
 * (or the value starts the line there), else after the gap. Empty cells cannot be written: they are left out (their places undefined).
 */
function writeRow(row: RowCells, options: RowOptions = {}): WrittenRow {
  const gap = options.gap ?? 4;
  const measure = options.measure ?? ((s: string) => s.length);
  let line = options.indent ?? '';
  let written = false;
  const labels: (WrittenCell | undefined)[] = row.labels.map((l) => {
    if (l === '') return undefined;
    if (written) line += ' '.repeat(gap);
    written = true;
    const start = line.length;
    line += l;
    return { line: 0, start, end: line.length };
  });
  const values: (WrittenCell | undefined)[] = row.values.map((v, i) => {
    if (v === '') return undefined;
    const at = options.stops?.[i];
    const width = measure(line);
    // At its stop when that leaves a gap of two (or the value starts the line there), else after the gap.
    const fits = at !== undefined && (at - width >= 2 || (!written && at === width));
    line += ' '.repeat(fits ? at - width : gap);
    written = true;
    const start = line.length;
    line += v;
    return { line: 0, start, end: line.length };
  });
  return { lines: [line], labels, values };
}

export function recogniseSpaces(input: LineInput): TokenizedLine | undefined {
  const { text, line, from, to } = input;
  // Most lines have only plain spaces: their gaps are found natively.
  // A gap is made of blanks, and line[to - 1] is not one: a gap that starts before `to` ends before it.
  const plain = !input.special || (text.indexOf('\u00a0') < 0 && text.indexOf('\u3000') < 0);
  let gap = nextWideGap(text, from, to, plain);
  if (gap < 0) {
    // No gap: a label and its numbers separated by single spaces, else not this encoding (one cell).
    if (!isTrailingNumbersCandidate(text, from, to)) return undefined;
    const split: Cell[] = [];
    pushSplitTrailingNumbers(split, text, line, makeCell(text, line, from, to));
    return split.length > 1 ? { layout: 'spaces', cells: split } : undefined;
  }
  const split: Cell[] = [];
  let start = from;
  for (; gap >= 0; gap = nextWideGap(text, start, to, plain)) {
    pushSplitTrailingNumbers(split, text, line, makeCell(text, line, start, gap));
    start = wideGapEnd(text, gap, plain);
  }
  pushSplitTrailingNumbers(split, text, line, makeCell(text, line, start, to));
  return { layout: 'spaces', cells: split };
}

export const spaces = {
  id: 'spaces' as const,
  layouts: ['spaces'],
  writesEmptyCells: false,
  separator: '    ',
  delimiter: { run: '[ \\u3000]{2}' },
  emptyCellPad: '',
  defaults: { indent: '', blankLineAfter: false },
  oneHeaderRow: false,
  completesRows: false,
  learnLayout: (sample: RowSample) => ({
    indent: leadingBlanks(sample.lineText),
    labelColumns: Math.max(1, sample.firstValue()),
    stops: sample.valueStarts,
  }),
  writeRow,
  ...plainRows(writeRow),
} satisfies EncodingModule;
