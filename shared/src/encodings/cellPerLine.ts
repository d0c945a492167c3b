// One cell per line (Word → text, seeds 000–002): each cell alone on its line, often tab-indented, a
// blank line after each row; an empty cell is an empty line (read by the table reader, not here).

import { makeCell, leadingBlanks } from '../cells';
import { plainRows } from './rows';
import type { EncodingModule, LineInput, TokenizedLine, RowSample, RowCells, RowOptions, WrittenCell, WrittenRow } from './types';

/** Each non-empty cell on its own line after the indent; an empty line after the row when asked. */
function writeRow(row: RowCells, options: RowOptions = {}): WrittenRow {
  const indent = options.indent ?? '';
  const lines: string[] = [];
  const place = (c: string): WrittenCell | undefined => {
    if (c === '') return undefined;
    lines.push(indent + c);
    return { line: lines.length - 1, start: indent.length, end: indent.length + c.length };
  };
  const labels = row.labels.map(place);
  const values = row.values.map(place);
  if (options.blankLineAfter) lines.push('');
  return { lines, labels, values };
}

/** Whatever no other encoding recognised: the line is one cell. */
export function recogniseCellPerLine(input: LineInput): TokenizedLine {
  return { layout: 'single', cells: [makeCell(input.text, input.line, input.from, input.to)] };
}

export const cellPerLine = {
  id: 'cell-per-line' as const,
  layouts: ['single'],
  writesEmptyCells: false,
  separator: '',
  emptyCellPad: '',
  defaults: { indent: '\t', blankLineAfter: true },
  oneHeaderRow: false,
  completesRows: false,
  learnLayout: (sample: RowSample) => ({
    indent: leadingBlanks(sample.lineText),
    blankLineAfter: sample.lineAfter !== undefined && sample.lineAfter.trim() === '',
  }),
  writeRow,
  ...plainRows(writeRow),
} satisfies EncodingModule;
