// Tab-separated rows (seed 004: Word tables copied as text): merged label cells become leading or empty
// cells, a row's blank last cells trailing tabs.

import { makeCell, pushSplitTrailingNumbers, splitOn } from '../cells';
import type { Cell } from '../model';
import { joinCells, placesOf, plainRows } from './rows';
import type { EncodingModule, LineInput, TokenizedLine, RowSample, RowCells, RowOptions, WrittenRow } from './types';

function writeRow(row: RowCells, options: RowOptions = {}): WrittenRow {
  const { line, places } = joinCells(options.indent ?? '', [...row.labels, ...row.values], '\t', '');
  return { lines: [line], ...placesOf(row, places) };
}

/** A tab after the content started: a tab-separated row. Leading tabs are empty cells (merged cells lost). */
export function recogniseTab(input: LineInput): TokenizedLine | undefined {
  const { text, line, from, to } = input;
  if (!input.special) return undefined;
  const firstTab = text.indexOf('\t', from);
  if (firstTab < 0 || firstTab >= to) return undefined;
  const cells: Cell[] = [];
  if (text.slice(0, from).includes('\t')) {
    // Each leading tab beyond the first stands for one empty cell.
    let prev = 0;
    for (let i = 0; i < from; i++) {
      if (text[i] === '\t') {
        if (i > 0) cells.push(makeCell(text, line, prev, i));
        prev = i + 1;
      }
    }
  }
  // Trailing tabs are empty trailing cells (a row whose last cells were left blank).
  let tabTo = text.length;
  while (tabTo > to && text[tabTo - 1] !== '\t') tabTo--;
  for (const c of splitOn(text, line, '\t', from, tabTo)) pushSplitTrailingNumbers(cells, text, line, c);
  return { layout: 'tab', cells };
}

export const tab = {
  id: 'tab' as const,
  layouts: ['tab'],
  writesEmptyCells: true,
  separator: '\t',
  delimiter: { char: '\\t' },
  emptyCellPad: '',
  defaults: { indent: '', blankLineAfter: false },
  oneHeaderRow: false,
  completesRows: false,
  /** Tab rows are not indented: a leading tab would be an empty first cell. */
  learnLayout: (sample: RowSample) => ({ indent: '', labelColumns: Math.max(1, sample.firstValue()) }),
  writeRow,
  ...plainRows(writeRow),
} satisfies EncodingModule;
