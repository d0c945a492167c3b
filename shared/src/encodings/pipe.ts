// Pipe rows without a Markdown separator (`（一）予以公开 | 15 | 2 |`, seed 003; the plain-text new report).

import { splitOn, leadingBlanks } from '../cells';
import type { Cell } from '../model';
import { joinCells, placesOf, plainRows } from './rows';
import type { EncodingModule, LineInput, TokenizedLine, RowSample, RowCells, RowOptions, WrittenRow } from './types';

/** The cells between the pipes of line[from, to] (a trailing pipe already cut off by the caller). */
export function splitOnPipes(lineText: string, line: number, from: number, to: number): Cell[] {
  return splitOn(lineText, line, '|', from, to);
}

/** The end of a pipe row's content: before its trailing `|`, if any. */
export function beforeTrailingPipe(lineText: string, from: number, to: number): number {
  return to > from && lineText[to - 1] === '|' ? to - 1 : to;
}

function writeRow(row: RowCells, options: RowOptions = {}): WrittenRow {
  const { line, places } = joinCells(options.indent ?? '', [...row.labels, ...row.values], ' | ', ' |');
  return { lines: [line], ...placesOf(row, places) };
}

export function recognisePipe(input: LineInput): TokenizedLine | undefined {
  if (!input.special || !input.text.includes('|')) return undefined;
  const cells = splitOnPipes(input.text, input.line, input.from, beforeTrailingPipe(input.text, input.from, input.to));
  return { layout: 'pipe', cells };
}

export const pipe = {
  id: 'pipe' as const,
  layouts: ['pipe'],
  writesEmptyCells: true,
  separator: ' | ',
  delimiter: { char: '|' },
  emptyCellPad: ' ',
  defaults: { indent: '', blankLineAfter: false },
  oneHeaderRow: false,
  completesRows: true,
  learnLayout: (sample: RowSample) => ({ indent: leadingBlanks(sample.lineText), labelColumns: 1 }),
  writeRow,
  ...plainRows(writeRow),
} satisfies EncodingModule;
