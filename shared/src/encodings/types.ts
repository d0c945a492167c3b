// What every table encoding module provides: its id (its name shown to users is the catalogue's `encoding.<id>`), how a line of it is recognised
// and split into cells, and how a row, a label row and a header are written in it.

import type { Cell } from '../model';

/** How one line was split into cells; `single` is one cell alone on its line (one cell per line). */
export type LineLayout = 'blank' | 'single' | 'pipe' | 'markdown' | 'separator' | 'tab' | 'spaces';

export interface TokenizedLine {
  layout: LineLayout;
  cells: Cell[];
}

/** A line being tokenized: its text, its number, where its content starts and ends (blanks trimmed). */
export interface LineInput {
  text: string;
  line: number;
  from: number;
  to: number;
  /** The line holds a pipe, a tab, a no-break or an ideographic space (one native scan, shared by the recognisers). */
  special: boolean;
}

/** A row to write: its label cells ('' for a merged or blank label column), then its values. */
export interface RowCells {
  labels: readonly string[];
  values: readonly string[];
}

/** How a row is written; every field has a default per encoding. */
export interface RowOptions {
  /** Text before the row (indentation). */
  indent?: string;
  /** One cell per line: an empty line after the row. */
  blankLineAfter?: boolean;
  /** Runs of spaces: where each value starts (in `measure` units), when known. */
  stops?: readonly (number | undefined)[];
  /** Runs of spaces: the gap (spaces) between labels, and before a value without a stop. */
  gap?: number;
  /** Runs of spaces: the width of written text (UTF-16 length unless given: display width in the test fixtures). */
  measure?: (text: string) => number;
  /** Markdown: an empty cell written padded like the others (`|  |`) rather than `| |`. */
  padEmpty?: boolean;
}

/** Where a written cell's text lies: the index of its line among the written lines, its UTF-16 columns. */
export interface WrittenCell {
  line: number;
  start: number;
  end: number;
}

export interface WrittenRow {
  lines: string[];
  /** One entry per label, then per value; undefined for a cell the encoding cannot write (an empty one). */
  labels: (WrittenCell | undefined)[];
  values: (WrittenCell | undefined)[];
}

/** What a fix learns a table's layout from: one of its rows. */
export interface RowSample {
  /** The line of the row's first value. */
  lineText: string;
  /** The line after the row's last value, if any. */
  lineAfter: string | undefined;
  /** The index of the row's first value among its line's cells. */
  firstValue(): number;
  /** The UTF-16 column of each of the row's values. */
  valueStarts: number[];
}

/** A table's way of writing rows, as learned from a row: undefined fields keep the encoding's defaults. */
export interface LearnedLayout {
  indent: string;
  labelColumns?: number;
  blankLineAfter?: boolean;
  stops?: number[];
}

/**
 * The cells of a line in an encoding, or undefined when the line is not one (the next encoding is tried):
 * each module's `recognise…` function, called in the registry's recognition order after blank and comment
 * lines are set aside. Kept apart from the module object, so that what only writes (the client's new
 * report) does not bundle the reader.
 */
export type Recogniser = (input: LineInput) => TokenizedLine | undefined;

export interface EncodingModule {
  /** The encoding's id (a TableEncoding: the registry's keys are the ids). */
  id: string;
  /** The tokenizer's layouts that are lines of this encoding (a table's encoding is its lines' most common one). */
  layouts: readonly LineLayout[];
  /** The encoding writes empty cells on a row's line (`| a | | 2 |`, `a\t\t2`). */
  writesEmptyCells: boolean;
  /** Text written between two cells of a line; '' when every cell has a line of its own. */
  separator: string;
  /**
   * What separates the cells of a line, for the grammar's patterns: a character (as written inside a
   * character class), or a run (a pattern); none when every cell has a line of its own.
   */
  delimiter?: { char: string } | { run: string };
  /** Written around a value put into an empty cell (`| |` → `| 0 |`). */
  emptyCellPad: string;
  /**
   * A table has one header row, closed by a separator: a table with several header rows is written as
   * several tables (table 2's blocks) or with its headers in one row (table 4).
   */
  oneHeaderRow: boolean;
  /** Completion offers a whole row (label and zeros) as a snippet on an empty line of such a table. */
  completesRows: boolean;
  /** Defaults of a row of a new table. */
  defaults: { indent: string; blankLineAfter: boolean };
  /** How the table of a row writes its rows (indent, label columns, …), for rows a fix inserts. */
  learnLayout(sample: RowSample): LearnedLayout;
  /** One row as lines of text, with where each cell went. */
  writeRow(row: RowCells, options?: RowOptions): WrittenRow;
  /** A line holding only a label (a group label such as `（三）不予公开`) in a table `width` cells wide. */
  writeLabelRow(label: string, width: number, options?: RowOptions): string[];
  /** A header line (Markdown: followed by its `|---|` separator). */
  writeHeader(cells: readonly string[], options?: RowOptions): string[];
}
