// What is at a position of a report: a section, a heading, a table cell. Shared by the outline,
// hover and completion (pure, over the report model).

import type { Cell, Position, Range, ReportModel, RowModel, SectionModel, TableId, TableModel } from './model';
import { tableTemplate, type RowTemplate, type TableTemplate } from './template';

const TABLE_IDS: readonly TableId[] = ['table2', 'table3', 'table4'];

export function tablesOf(model: ReportModel): TableModel[] {
  return TABLE_IDS.map((id) => model.tables[id]).filter((t): t is TableModel => t !== undefined);
}

export function templateOfTable(table: TableModel): TableTemplate {
  return tableTemplate(table.id, table.format);
}

export function rowTemplateOfRow(table: TableModel, row: RowModel): RowTemplate | undefined {
  return templateOfTable(table).rows.find((r) => r.id === row.id);
}

export function cellRangeOf(c: Cell): Range {
  return { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } };
}

export function contains(range: Range, pos: Position): boolean {
  const afterStart = pos.line > range.start.line || (pos.line === range.start.line && pos.character >= range.start.character);
  const beforeEnd = pos.line < range.end.line || (pos.line === range.end.line && pos.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The section the line belongs to (the last heading at or before it), or undefined before the first heading. */
export function sectionAt(model: ReportModel, line: number): SectionModel | undefined {
  let found: SectionModel | undefined;
  for (const s of model.sections) {
    if (s.startLine <= line) found = s;
    else break;
  }
  return found;
}

export interface CellHit {
  table: TableModel;
  row: RowModel;
  cell: Cell;
  /** Column index in the row's template, or -1 for a label cell. */
  column: number;
}

/** The table cell (label or value) under a position, if any. */
export function cellAt(model: ReportModel, pos: Position): CellHit | undefined {
  for (const table of tablesOf(model)) {
    if (pos.line < table.startLine || pos.line > table.endLine) continue;
    for (const row of table.rows) {
      for (const cell of row.labels) {
        if (cell.line === pos.line && pos.character >= cell.start && pos.character <= cell.end) return { table, row, cell, column: -1 };
      }
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i];
        if (cell && cell.line === pos.line && pos.character >= cell.start && pos.character <= cell.end)
          return { table, row, cell, column: i };
      }
    }
  }
  return undefined;
}

/** The range a row covers in the text: its labels and every value cell. */
export function rowRange(row: RowModel): Range {
  const cells = [...row.labels, ...row.rawCells, row.anchor];
  let start = { line: Infinity, character: Infinity };
  let end = { line: -1, character: -1 };
  for (const c of cells) {
    if (c.line < start.line || (c.line === start.line && c.start < start.character)) start = { line: c.line, character: c.start };
    if (c.line > end.line || (c.line === end.line && c.end > end.character)) end = { line: c.line, character: c.end };
  }
  return { start, end };
}

/** The whole of a line without its leading and trailing blanks. */
export function trimmedLineRange(model: ReportModel, line: number): Range {
  const text = model.lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, text.trimEnd().length) } };
}

/** The last line in [from, to] that is not blank, or `from`. */
export function lastTextLineIn(model: ReportModel, from: number, to: number): number {
  for (let i = Math.min(to, model.lines.length - 1); i > from; i--) {
    if (model.lines[i]?.trim()) return i;
  }
  return from;
}
