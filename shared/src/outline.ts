// The outline of a report (title, the six sections, their tables, row groups and rows, the closing)
// and its folding ranges (sections, tables, row groups). Pure: the server maps these to LSP types.

import type { Cell, Range, ReportModel, RowModel, TableModel } from './model';
import { lastTextLineIn, rowRange, tablesOf, templateOfTable, trimmedLineRange } from './locate';
import { standardHeading, TABLE4_GROUPS, TABLE4_RESULT_COLUMNS, type GroupTemplate } from './template';
import { lineText } from './rules/util';
import { msg, type Locale, type MessageKey } from './messages';
import { normalizeLabel } from './text';

export type OutlineKind = 'title' | 'section' | 'table' | 'group' | 'row' | 'closing';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** Everything the symbol covers. */
  range: Range;
  /** What to select when the symbol is picked (its heading or label); inside `range`. */
  selectionRange: Range;
  children: OutlineSymbol[];
}

export interface Fold {
  startLine: number;
  endLine: number;
}

/** The outline's words: the `outline.*` keys of the catalogue (i18n/). */
type WordKey = MessageKey extends infer K ? (K extends `outline.${infer Rest}` ? Rest : never) : never;

function word(locale: Locale, key: WordKey, args: Record<string, string | number> = {}): string {
  return msg(`outline.${key}`, args, locale);
}

export function outline(model: ReportModel, locale: Locale = 'zh-cn'): OutlineSymbol[] {
  const symbols: OutlineSymbol[] = [];
  if (model.title) {
    const detail = [model.title.agency, model.title.year !== undefined ? word(locale, 'year', { year: model.title.year }) : undefined]
      .filter(Boolean)
      .join(' · ');
    symbols.push({
      name: model.title.text,
      detail: detail || undefined,
      kind: 'title',
      range: model.title.range,
      selectionRange: model.title.range,
      children: [],
    });
  }
  const placed = new Set<TableModel>();
  for (const section of model.sections) {
    const h = section.heading;
    const end = sectionEnd(model, section.startLine, section.endLine);
    const written = lineText(model, h.line).slice(h.range.start.character, h.range.end.character).trim();
    const standard = standardHeading(h.section);
    const symbol: OutlineSymbol = {
      name: written || standard,
      detail: written.replace(/\s+/g, '') === standard ? undefined : standard,
      kind: 'section',
      range: { start: h.range.start, end: { line: end, character: lineText(model, end).trimEnd().length } },
      selectionRange: h.range,
      children: [],
    };
    for (const table of tablesOf(model)) {
      if (placed.has(table) || table.startLine <= section.startLine || table.startLine > section.endLine) continue;
      placed.add(table);
      symbol.children.push(tableSymbol(model, table, locale));
    }
    stretchToChildren(symbol);
    symbols.push(symbol);
  }
  // A table outside every section (its heading is missing) still shows.
  for (const table of tablesOf(model)) if (!placed.has(table)) symbols.push(tableSymbol(model, table, locale));
  const { agencyRange, dateRange, agency, date } = model.closing;
  if (dateRange || agencyRange) {
    const first = agencyRange ?? dateRange!;
    const last = dateRange ?? agencyRange!;
    const name = [agency, date ? `${date.year}年${date.month}月${date.day}日` : undefined].filter(Boolean).join(' ');
    const closing: OutlineSymbol = {
      name: name || word(locale, 'closing'),
      detail: word(locale, 'closing'),
      kind: 'closing',
      range: { start: first.start, end: last.end },
      selectionRange: first,
      children: [],
    };
    // The closing lines usually end the last section's text; they are shown inside it then.
    const owner = symbols.find((s) => s.kind === 'section' && s.range.start.line <= first.start.line && s.range.end.line >= last.end.line);
    (owner ? owner.children : symbols).push(closing);
  }
  return symbols;
}

export function foldingRanges(model: ReportModel): Fold[] {
  const folds: Fold[] = [];
  const add = (startLine: number, endLine: number) => {
    if (endLine > startLine) folds.push({ startLine, endLine });
  };
  for (const section of model.sections) add(section.startLine, sectionEnd(model, section.startLine, section.endLine));
  for (const table of tablesOf(model)) {
    add(table.startLine, table.endLine);
    for (const group of groupSpans(model, table)) add(group.range.start.line, group.range.end.line);
  }
  folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return folds;
}

/** The last line of a section that has text (trailing blank lines are not folded into it). */
function sectionEnd(model: ReportModel, startLine: number, endLine: number): number {
  return lastTextLineIn(model, startLine, endLine);
}

function tableSymbol(model: ReportModel, table: TableModel, locale: Locale): OutlineSymbol {
  const template = templateOfTable(table);
  const first = trimmedLineRange(model, table.startLine);
  const last = trimmedLineRange(model, table.endLine);
  const symbol: OutlineSymbol = {
    name: template.name,
    detail: `${word(locale, 'format', { format: table.format })} · ${msg(`encoding.${table.encoding}`, {}, locale)}`,
    kind: 'table',
    range: { start: first.start, end: last.end },
    selectionRange: first,
    children: table.id === 'table4' ? table4Children(table) : rowTree(model, table),
  };
  stretchToChildren(symbol);
  return symbol;
}

function rowName(label: string): string {
  // 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 → 「（二）部分公开」
  return label.length > 12 ? label.replace(/（[^（）]*）$/, '') : label;
}

function rowDetail(row: RowModel): string {
  return row.cells.map((c) => (c ? (c.kind === 'number' ? c.text : c.kind === 'empty' ? '□' : c.text) : '□')).join(' ');
}

function rowSymbol(table: TableModel, row: RowModel): OutlineSymbol {
  const t = templateOfTable(table).rows.find((r) => r.id === row.id);
  const range = rowRange(row);
  const selection = row.labels[0] ?? row.anchor;
  return {
    name: rowName(t?.label || row.id),
    detail: rowDetail(row),
    kind: 'row',
    range,
    selectionRange: {
      start: { line: selection.line, character: selection.start },
      end: { line: selection.line, character: selection.end },
    },
    children: [],
  };
}

/** Table-3 result groups sit inside 「三、本年度办理结果」; table-2 blocks are top level. */
function parentGroup(table: TableModel, groupId: string): string | undefined {
  return table.id === 'table3' && groupId !== 't3.results' ? 't3.results' : undefined;
}

interface GroupSpan {
  group: GroupTemplate;
  range: Range;
  /** Where the group's own label is, when it was found. */
  labelRange?: Range;
}

/** Rows of a table as a tree of groups (template order; only rows that are present). */
function rowTree(model: ReportModel, table: TableModel): OutlineSymbol[] {
  const template = templateOfTable(table);
  const spans = new Map(groupSpans(model, table).map((g) => [g.group.id, g]));
  const top: OutlineSymbol[] = [];
  const containers = new Map<string, OutlineSymbol>();
  const container = (groupId: string): OutlineSymbol | undefined => {
    const span = spans.get(groupId);
    if (!span) return undefined;
    let symbol = containers.get(groupId);
    if (!symbol) {
      symbol = {
        name: span.group.label,
        kind: 'group',
        range: span.range,
        selectionRange: span.labelRange ?? { start: span.range.start, end: span.range.start },
        children: [],
      };
      containers.set(groupId, symbol);
      const parent = parentGroup(table, groupId);
      ((parent && container(parent)?.children) || top).push(symbol);
    }
    return symbol;
  };
  const seen = new Set<string>();
  for (const t of template.rows) {
    const row = table.rows.find((r) => r.id === t.id);
    if (!row || seen.has(row.id)) continue;
    seen.add(row.id);
    const symbol = rowSymbol(table, row);
    const target = t.group ? container(t.group) : undefined;
    (target ? target.children : top).push(symbol);
  }
  return top;
}

/** The range of every group that has a row present: from its label line (when found) to its last row. */
function groupSpans(model: ReportModel, table: TableModel): GroupSpan[] {
  if (table.id === 'table4') return [];
  const template = templateOfTable(table);
  const occupied = new Set<number>();
  for (const row of table.rows) for (const c of [...row.labels, ...row.rawCells]) occupied.add(c.line);
  const spans: GroupSpan[] = [];
  // Inner groups first, so that 「三、本年度办理结果」 can span them.
  const ordered = [...template.groups].sort(
    (a, b) => Number(parentGroup(table, a.id) === undefined) - Number(parentGroup(table, b.id) === undefined),
  );
  const computed = new Map<string, Range>();
  for (const group of ordered) {
    const memberIds = new Set(template.rows.filter((r) => r.group === group.id).map((r) => r.id));
    const ranges = table.rows.filter((r) => memberIds.has(r.id)).map(rowRange);
    for (const [id, range] of computed) if (parentGroup(table, id) === group.id) ranges.push(range);
    const [head, ...others] = ranges;
    if (!head) continue;
    let range = union(head, others);
    const labelLine = findLabelLine(model, group.label, range.start.line, table.startLine, occupied);
    let labelRange: Range | undefined;
    if (labelLine !== undefined) {
      labelRange = trimmedLineRange(model, labelLine);
      range = union(range, [labelRange]);
    }
    computed.set(group.id, range);
    spans.push({ group, range, labelRange });
  }
  return spans;
}

/** A line just above `before` (and not holding another row) whose text contains the group label. */
function findLabelLine(model: ReportModel, label: string, before: number, tableStart: number, occupied: Set<number>): number | undefined {
  const wanted = normalizeLabel(label);
  for (let line = before; line >= Math.max(tableStart, before - 8); line--) {
    const text = normalizeLabel(model.lines[line] ?? '').replace(/\|/g, '');
    if (text.includes(wanted)) return line;
    if (line !== before && occupied.has(line)) return undefined;
  }
  return undefined;
}

function table4Children(table: TableModel): OutlineSymbol[] {
  const row = table.rows[0];
  if (!row) return [];
  const children: OutlineSymbol[] = [];
  TABLE4_GROUPS.forEach((group, g) => {
    const cells = row.cells
      .slice(g * TABLE4_RESULT_COLUMNS.length, (g + 1) * TABLE4_RESULT_COLUMNS.length)
      .filter((c): c is Cell => c !== undefined);
    const [head, ...others] = cells.map((c) => ({ start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } }));
    if (!head) return;
    const range = union(head, others);
    children.push({
      name: group.name,
      detail: cells.map((c) => c.text || '□').join(' '),
      kind: 'group',
      range,
      selectionRange: range,
      children: [],
    });
  });
  return children;
}

/** The smallest range that covers `first` and `others`. */
function union(first: Range, others: readonly Range[]): Range {
  let start = first.start;
  let end = first.end;
  for (const r of others) {
    if (r.start.line < start.line || (r.start.line === start.line && r.start.character < start.character)) start = r.start;
    if (r.end.line > end.line || (r.end.line === end.line && r.end.character > end.character)) end = r.end;
  }
  return { start, end };
}

/** A parent covers its children (editors expect symbol ranges to nest). */
function stretchToChildren(symbol: OutlineSymbol): void {
  if (symbol.children.length === 0) return;
  symbol.range = union(
    symbol.range,
    symbol.children.map((c) => c.range),
  );
}
