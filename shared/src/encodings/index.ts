// The table encodings, one module each: how a line of it is recognised and split into cells, how a row,
// a label row and a header are written in it, and its name. Adding an encoding is a module and a line here.

import type { Cell } from '../model';
import { isCommentLine } from '../suppressions';
import { isRegExpSpace } from '../text';
import { isBlankChar, MAX_CELL_LENGTH } from '../cells';
import { cellPerLine, recogniseCellPerLine } from './cellPerLine';
import { markdown, recogniseMarkdown } from './markdown';
import { pipe, recognisePipe } from './pipe';
import { recogniseSpaces, spaces } from './spaces';
import { recogniseTab, tab } from './tab';
import type { EncodingModule, LineInput, LineLayout, Recogniser, TokenizedLine } from './types';

export type { EncodingModule, LineLayout, RowCells, RowOptions, TokenizedLine, WrittenCell, WrittenRow } from './types';

/** Every encoding by its id (the order the test fixtures write them in). */
export const ENCODINGS = {
  'cell-per-line': cellPerLine,
  pipe,
  tab,
  markdown,
  spaces,
} satisfies Record<string, EncodingModule>;

/** How a table's cells are laid out in the text. */
export type TableEncoding = keyof typeof ENCODINGS;

export const ENCODING_IDS = Object.keys(ENCODINGS) as TableEncoding[];

export function encodingModule(id: TableEncoding): EncodingModule {
  return ENCODINGS[id];
}

/**
 * The order lines are tried in: a pipe makes a pipe row (a Markdown one when it starts the line), then a
 * tab a tab-separated row, then runs of spaces; a line none of them takes is one cell (one cell per line).
 */
const RECOGNITION_ORDER: readonly Recogniser[] = [recogniseMarkdown, recognisePipe, recogniseTab, recogniseSpaces];

const ENCODING_OF_LAYOUT = new Map<LineLayout, TableEncoding>(
  ENCODING_IDS.flatMap((id) => ENCODINGS[id].layouts.map((l) => [l, id] as [LineLayout, TableEncoding])),
);

/** The encoding a line of this layout belongs to (none for a blank line). */
export function encodingOfLayout(layout: LineLayout): TableEncoding | undefined {
  return ENCODING_OF_LAYOUT.get(layout);
}

/** Layouts whose rows are whole lines and whose empty cells are written (`| a | | 2 |`, `a\t\t2`). */
export const LAYOUTS_WITH_EMPTIES: ReadonlySet<LineLayout> = new Set(
  ENCODING_IDS.filter((id) => ENCODINGS[id].writesEmptyCells).flatMap((id) => ENCODINGS[id].layouts),
);

/** Every blank line's tokens: one shared, frozen value (a line's tokens are never changed). */
const BLANK_LINE: TokenizedLine = Object.freeze({ layout: 'blank', cells: Object.freeze([]) as unknown as Cell[] });

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

/** Tokenizes one line: its encoding's layout and its cells, each with its exact column range. */
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
  // One native scan for what the recognisers look for: pipes, tabs, no-break and ideographic spaces.
  const input: LineInput = { text: lineText, line, from, to, special: SPECIAL_CHARS_RE.test(lineText) };
  // An index loop: every line passes here, and the interpreter that runs a process's first reports
  // makes an iterator object for each for…of.
  for (let i = 0; i < RECOGNITION_ORDER.length; i++) {
    const tokens = RECOGNITION_ORDER[i]?.(input);
    if (tokens) return tokens;
  }
  return recogniseCellPerLine(input);
}
