// What the row writers share: cells joined on a line with each one's place, and the label row and
// header of an encoding that writes them as plain rows.

import type { EncodingModule, RowCells, RowOptions, WrittenCell, WrittenRow } from './types';

/** Joins cells with `separator` after `head`, each cell's place recorded; `tail` after the last. */
export function joinCells(
  head: string,
  cells: readonly string[],
  separator: string,
  tail: string,
): { line: string; places: WrittenCell[] } {
  let line = head;
  const places: WrittenCell[] = [];
  cells.forEach((c, i) => {
    if (i > 0) line += separator;
    places.push({ line: 0, start: line.length, end: line.length + c.length });
    line += c;
  });
  line += tail;
  // An empty cell is where the reader puts it: after the blanks that follow it.
  for (const p of places) {
    if (p.start !== p.end) continue;
    while (line[p.start] === ' ') p.start++;
    p.end = p.start;
  }
  return { line, places };
}

/** Splits the places of `labels.length + values.length` written cells into the two halves. */
export function placesOf(row: RowCells, places: readonly (WrittenCell | undefined)[]): Pick<WrittenRow, 'labels' | 'values'> {
  return { labels: places.slice(0, row.labels.length), values: places.slice(row.labels.length) };
}

/** A label row and a header written as plain rows: the label alone, the header's cells as values. */
export function plainRows(
  writeRow: (row: RowCells, options?: RowOptions) => WrittenRow,
): Pick<EncodingModule, 'writeLabelRow' | 'writeHeader'> {
  return {
    writeLabelRow: (label, _width, options = {}) => writeRow({ labels: [label], values: [] }, options).lines,
    writeHeader: (cells, options = {}) => writeRow({ labels: [], values: cells }, options).lines,
  };
}
