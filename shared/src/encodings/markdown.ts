// GitHub-flavoured Markdown tables: `| a | b |` rows starting with a pipe, and a `|---|---|` separator row
// under the header (drafts written in Markdown; Word and web pages as converted).

import type { EncodingModule, LineInput, TokenizedLine, RowSample, RowCells, RowOptions, WrittenCell, WrittenRow } from './types';
import { beforeTrailingPipe, splitOnPipes } from './pipe';
import { placesOf } from './rows';

const SEPARATOR_CELL_RE = /^\s*:?-{1,}:?\s*$/;

/** The `|---|---|` row under a header of `width` cells. */
export function separatorRow(width: number, indent = ''): string {
  return `${indent}|${'---|'.repeat(width)}`;
}

/** The grammar's pattern of a separator row (`|---|:--:|`), `blank` being its blank characters. */
export function separatorRowPattern(blank: string): string {
  return `^${blank}*\\|?(?:${blank}*:?-{3,}:?${blank}*\\|)+(?:${blank}*:?-{3,}:?${blank}*)?$`;
}

/** A line that looks like a Markdown table row (starts and ends with a pipe). */
export const MARKDOWN_ROW_RE = /^\s*\|.*\|\s*$/;

/**
 * `| a | b |`: every cell padded by one space; an empty cell is `| |`, or `|  |` with `padEmpty`.
 * An empty cell's place is just before its closing pipe (where the reader puts it).
 */
function writeRow(row: RowCells, options: RowOptions = {}): WrittenRow {
  let line = (options.indent ?? '') + '|';
  const places: WrittenCell[] = [];
  for (const c of [...row.labels, ...row.values]) {
    if (c === '' && !options.padEmpty) {
      line += ' ';
    } else {
      line += ' ' + c + ' ';
    }
    places.push(
      c === '' ? { line: 0, start: line.length, end: line.length } : { line: 0, start: line.length - c.length - 1, end: line.length - 1 },
    );
    line += '|';
  }
  return { lines: [line], ...placesOf(row, places) };
}

export function recogniseMarkdown(input: LineInput): TokenizedLine | undefined {
  if (!input.special || input.text[input.from] !== '|' || !input.text.includes('|')) return undefined;
  const cells = splitOnPipes(input.text, input.line, input.from + 1, beforeTrailingPipe(input.text, input.from + 1, input.to));
  if (cells.length > 0 && cells.every((c) => SEPARATOR_CELL_RE.test(c.text))) return { layout: 'separator', cells: [] };
  return { layout: 'markdown', cells };
}

export const markdown = {
  id: 'markdown' as const,
  layouts: ['markdown', 'separator'],
  writesEmptyCells: true,
  separator: ' | ',
  delimiter: { char: '|' },
  emptyCellPad: ' ',
  defaults: { indent: '', blankLineAfter: false },
  oneHeaderRow: true,
  completesRows: true,
  learnLayout: (sample: RowSample) => ({ indent: /^[ \t]*/.exec(sample.lineText)![0], labelColumns: Math.max(1, sample.firstValue()) }),
  writeRow,
  /** `| （三）不予公开 | | | |`: the label, then the table's other cells empty. */
  writeLabelRow: (label: string, width: number, options: RowOptions = {}) =>
    writeRow({ labels: [label, ...Array<string>(Math.max(0, width - 1)).fill('')], values: [] }, options).lines,
  /** The header row and the `|---|---|` separator under it. */
  writeHeader: (cells: readonly string[], options: RowOptions = {}) => [
    ...writeRow({ labels: [], values: cells }, options).lines,
    separatorRow(cells.length, options.indent),
  ],
} satisfies EncodingModule;
