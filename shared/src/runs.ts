// Run-together digits: a crawled page writes a row's numbers without separators
// (`一、本年新收政府信息公开申请数量1000001`, `（七）总计21710000218`, `10 0 0 0 01`). A run of exactly as
// many digits as the row has cells splits one way; a longer run is split where the table's own relations
// (a row's 总计 is the sum of its parts) leave exactly one way. Anything else is not split: the caller
// reports the run as one cell that cannot be split, never a guessed number.

import type { Cell } from './model';

/** A part of a split is at most this many digits (table 2 counts reach six digits). */
const MAX_PART_DIGITS = 7;
/** Steps of the split search before it gives up (reported as not splittable): the search is bounded. */
const MAX_STEPS = 20000;

/**
 * Checks a split as far as it goes: `parts` holds the first `parts.length` numbers; false when a relation
 * that only involves those numbers fails (so the search can stop early). Called again for every prefix.
 */
export type PartialCheck = (parts: readonly number[]) => boolean;

/** The splits kept when several fit the row (for the table's column relations to choose from). */
const MAX_CANDIDATES = 8;

/** A number cut out of a digit run: value.text[from, to). */
interface Cut {
  value: Cell;
  from: number;
  to: number;
}

/**
 * One of several splits that fit a row: its numbers, for the table's column relations to choose by, and
 * its cuts, made into cells (cellsOf) only for the split chosen — most candidates are rejected.
 */
export interface SplitCandidate {
  readonly values: readonly number[];
  readonly cuts: readonly Cut[];
}

export type RunSplit =
  | { kind: 'split'; cells: Cell[] }
  /** Several splits (2 means "two or more"), or none; `candidates`: every split when there are at most MAX_CANDIDATES. */
  | { kind: 'ambiguous'; solutions: number; candidates?: SplitCandidate[] };

/** The cells of a split: one number cell per cut, each with the whole run it was cut from when it is part of one. */
export function cellsOf(candidate: SplitCandidate): Cell[] {
  return candidate.cuts.map(({ value: v, from, to }): Cell => {
    const text = v.text.slice(from, to);
    const start = v.start + from;
    const end = v.start + to;
    // One literal per shape (a property added after creation would give the cells a second hidden class).
    return v.text.length > text.length
      ? { text, line: v.line, start, end, kind: 'number', value: Number(text), run: v.text }
      : { text, line: v.line, start, end, kind: 'number', value: Number(text) };
  });
}

/** The runs of ASCII digits of value cells made of digits and blanks only (`0 0 0 0 0 00`), or undefined. */
export function digitTokens(values: readonly Cell[]): Cell[] | undefined {
  const tokens: Cell[] = [];
  for (const c of values) {
    // A run too long to be one count is read as text: its digits may still be a row's numbers.
    const digitsOnly = c.kind === 'text' && /^\d+$/.test(c.text);
    if ((c.kind !== 'number' && !digitsOnly) || c.text.length === 0 || c.end - c.start !== c.text.length) return undefined;
    const text = c.text;
    for (let i = 0; i < text.length;) {
      const k = text.charCodeAt(i);
      if (k === 32 || k === 0x3000 || k === 0xa0) {
        i++;
        continue;
      }
      if (k < 48 || k > 57) return undefined;
      let j = i;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      const digits = text.slice(i, j);
      tokens.push({ text: digits, line: c.line, start: c.start + i, end: c.start + j, kind: 'number', value: Number(digits) });
      i = j;
    }
  }
  return tokens;
}

/**
 * Do a row's value cells look like digits run together (and not a row that simply lost cells)? A label
 * glued to its digits, a number written with a leading zero (`00`, `01`), one run of at least a digit per
 * cell in a row that has a total, or numbers spaced inside one cell.
 */
export function looksRunTogether(
  values: readonly Cell[],
  tokens: readonly Cell[],
  columns: number,
  glued: boolean,
  hasTotal: boolean,
): boolean {
  if (columns < 2 || tokens.length === 0 || tokens.length > columns) return false;
  let digits = 0;
  for (const t of tokens) digits += t.text.length;
  if (digits < columns || values.length >= columns) return false;
  return (
    glued ||
    tokens.some((t) => t.text.length > 1 && t.text[0] === '0') ||
    // One long number alone in a row with a total (table 2's `行政许可 2100` in a 3-column 2019 row is a number).
    (hasTotal && tokens.length === 1 && digits >= columns) ||
    tokens.length > values.length
  );
}

/**
 * Splits the digit runs `values` into `columns` numbers that pass `check` (called on every prefix and on
 * the whole): the split when exactly one exists, else how many were found (2 means "two or more").
 */
export function splitRuns(values: readonly Cell[], columns: number, check: PartialCheck): RunSplit {
  const total = values.reduce((n, v) => n + v.text.length, 0);
  // As many digits as cells: one digit each, whatever the relations say (the rules check them).
  const everyDigit = total === columns;
  const parts: number[] = [];
  // The cut of each part, as numbers (its run, its first digit, its length): a cut becomes an object only
  // in a split found, not at every step of the search.
  const partToken: number[] = [];
  const partFrom: number[] = [];
  const partLength: number[] = [];
  const found: SplitCandidate[] = [];
  let solutions = 0;
  let steps = 0;
  const search = (token: number, at: number, left: number): void => {
    if (solutions > MAX_CANDIDATES || steps++ > MAX_STEPS) return;
    const value = values[token];
    if (value === undefined) {
      // Every run cut.
      if (parts.length === columns && (everyDigit || check(parts))) {
        solutions++;
        if (found.length < MAX_CANDIDATES) found.push({ values: [...parts], cuts: currentCuts() });
      }
      return;
    }
    const text = value.text;
    const rest = text.length - at;
    const cellsLeft = columns - parts.length;
    // Every remaining digit needs a cell, and every remaining cell a digit.
    if (cellsLeft <= 0 || left < cellsLeft || left > cellsLeft * MAX_PART_DIGITS) return;
    const longest = text.charCodeAt(at) === 48 ? 1 : Math.min(MAX_PART_DIGITS, rest);
    let n = 0;
    for (let len = 1; len <= longest; len++) {
      // The digits at [at, at + len) as a number (the runs are ASCII digits, at most 7 to a part).
      n = n * 10 + (text.charCodeAt(at + len - 1) - 48);
      parts.push(n);
      partToken.push(token);
      partFrom.push(at);
      partLength.push(len);
      if (everyDigit || check(parts)) {
        if (at + len === text.length) search(token + 1, 0, left - len);
        else search(token, at + len, left - len);
      }
      parts.pop();
      partToken.pop();
      partFrom.pop();
      partLength.pop();
    }
  };
  /** The cuts of the parts found so far, as objects. */
  const currentCuts = (): Cut[] => {
    const cuts: Cut[] = [];
    for (let i = 0; i < partToken.length; i++) {
      const value = values[partToken[i] ?? -1];
      const at = partFrom[i] ?? 0;
      if (value) cuts.push({ value, from: at, to: at + (partLength[i] ?? 0) });
    }
    return cuts;
  };
  search(0, 0, total);
  if (steps > MAX_STEPS) return { kind: 'ambiguous', solutions: 2 };
  const [only] = found;
  if (solutions === 1 && only) return { kind: 'split', cells: cellsOf(only) };
  if (solutions >= 2 && solutions <= MAX_CANDIDATES) return { kind: 'ambiguous', solutions: 2, candidates: found };
  return { kind: 'ambiguous', solutions: Math.min(solutions, 2) };
}
