// Small helpers the rules share: ranges of cells, names of rows and columns, fixes as data.

import type { Cell, Fix, Range, ReportModel, RowModel, TableModel } from '../model';
import type { Msg } from './rule';
import { isCommentLine } from '../suppressions';
import { tableTemplate, type ColumnTemplate, type RowTemplate, type TableTemplate } from '../template';

export function cellRange(c: Cell): Range {
  return { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } };
}

/** A zero-width range right after a cell (where a missing cell would go). */
export function afterCell(c: Cell): Range {
  return { start: { line: c.line, character: c.end }, end: { line: c.line, character: c.end } };
}

/**
 * The text of line `line`: the line a cell, heading or row was read from is always there; '' past the
 * end of the document (a line no reader gave).
 */
export function lineText(model: ReportModel, line: number): string {
  return model.lines[line] ?? '';
}

export function lineRange(model: ReportModel, line: number): Range {
  const text = lineText(model, line);
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: Math.max(start, text.trimEnd().length) } };
}

/** Is the line report content: not blank, not a comment or a `nianbao-disable` directive? */
function isContentLine(text: string): boolean {
  return text.trim().length > 0 && !isCommentLine(text);
}

/** The first content line (a directive or comment above it is skipped, so that a disable there applies), or line 0. */
export function firstTextLine(model: ReportModel): number {
  const i = model.lines.findIndex(isContentLine);
  return i < 0 ? 0 : i;
}

/** The last content line that is not a page footer or web-page chrome, or line 0. */
export function lastTextLine(model: ReportModel): number {
  const artifactLines = new Set(model.artifacts.filter((a) => a.wholeLine).map((a) => a.range.start.line));
  for (let i = model.lines.length - 1; i >= 0; i--) {
    const text = model.lines[i];
    if (text !== undefined && isContentLine(text) && !artifactLines.has(i)) return i;
  }
  return 0;
}

export function templateOf(table: TableModel): TableTemplate {
  return tableTemplate(table.id, table.format);
}

/** The first row with this id (a repeated row is read but not used twice). */
export function rowById(table: TableModel, id: string): RowModel | undefined {
  return table.rows.find((r) => r.id === id);
}

/** Every table's first row per id, for rules that look rows up many times. */
export function rowsById(table: TableModel): Map<string, RowModel> {
  const rows = new Map<string, RowModel>();
  for (const r of table.rows) if (!rows.has(r.id)) rows.set(r.id, r);
  return rows;
}

export function rowTemplateOf(table: TableModel, row: RowModel): RowTemplate | undefined {
  const template = templateOf(table);
  let byId = rowTemplatesById.get(template);
  if (!byId) {
    byId = new Map();
    for (const r of template.rows) if (!byId.has(r.id)) byId.set(r.id, r);
    rowTemplatesById.set(template, byId);
  }
  return byId.get(row.id);
}
/** Templates are constant: their rows by id are computed once. */
const rowTemplatesById = new WeakMap<TableTemplate, Map<string, RowTemplate>>();

export function columnsOf(table: TableModel, row: RowModel): readonly ColumnTemplate[] {
  return rowTemplateOf(table, row)?.columns ?? [];
}

/** `「（三）不予公开·1.属于国家秘密」` */
export function quoteRow(name: string): string {
  return `「${name}」`;
}

export function replaceCellFix(c: Cell, value: number, msg: Msg): Fix {
  return { title: msg('fix.setTo', { value }), edits: [{ range: cellRange(c), newText: String(value) }] };
}
