// Completion inside a report: row labels of the table of the current section (template order, the
// next missing row first), group labels, column headers, and the six standard section headings
// (missing ones first). In a Markdown or pipe table an empty line gets the whole row with zeros.
// Pure: the server maps the entries to LSP CompletionItems.

import { encodingModule, type EncodingModule } from './encodings';
import { MARKDOWN_ROW_RE } from './encodings/markdown';
import { COLUMN_EXPLANATIONS, explain, ROW_EXPLANATIONS, SECTION_EXPLANATIONS } from './explanations';
import { rowRange, sectionAt } from './locate';
import { msg, type Locale, type MessageKey } from './messages';
import type { Position, Range, ReportModel, TableId, TableModel } from './model';
import {
  SECTIONS,
  standardHeading,
  TABLE3_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_RESULT_COLUMNS,
  tableTemplate,
  type RowTemplate,
  type TableTemplate,
} from './template';

export type CompletionKind = 'row' | 'group' | 'column' | 'heading';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text that replaces `range`; a snippet (`${1:0}` placeholders) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  filterText: string;
  sortText: string;
  range: Range;
  /** The entry to select first (the next missing row or heading). */
  preselect?: boolean;
}

const TABLE_OF_SECTION: Partial<Record<number, TableId>> = { 2: 'table2', 3: 'table3', 4: 'table4' };

/** Completion's words: the `completion.*` keys of the catalogue (i18n/). */
type WordKey = MessageKey extends infer K ? (K extends `completion.${infer Rest}` ? Rest : never) : never;

function word(locale: Locale, key: WordKey): string {
  return msg(`completion.${key}`, {}, locale);
}

/** `（一）予以公开` → `予以公开`: what users type first, so that it can be matched after a blank. */
function withoutNumbering(label: string): string {
  return label.replace(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、])/, '');
}

/** Where the text being typed starts: after the last cell separator, blanks and a Markdown heading mark. */
function typedStart(line: string, character: number): number {
  const before = line.slice(0, character);
  let start = Math.max(before.lastIndexOf('|') + 1, before.lastIndexOf('\t') + 1);
  const gap = /(?: {2,}|\u3000)(?=[^ \u3000]*$)/.exec(before);
  if (gap) start = Math.max(start, gap.index + gap[0].length);
  const rest = before.slice(start);
  const lead = /^[ \u3000]*(?:#{1,6}[ \t]+)?(?:\*\*)?/.exec(rest);
  return start + (lead ? lead[0].length : 0);
}

/** The Markdown heading mark of the document's section headings (`## `), or '' when they have none. */
function headingMark(model: ReportModel): string {
  for (const s of model.sections) {
    const line = model.lines[s.heading.line];
    const [, mark] = (line !== undefined && /^\s*(#{1,6})[ \t]/.exec(line)) || [];
    if (mark !== undefined) return mark + ' ';
  }
  return '';
}

/** The encoding whose whole rows an empty line gets (Markdown or pipe rows), or undefined: the label only. */
function rowEncoding(model: ReportModel, table: TableModel | undefined): EncodingModule | undefined {
  if (table) {
    const encoding = encodingModule(table.encoding);
    return encoding.completesRows ? encoding : undefined;
  }
  return model.lines.some((l) => MARKDOWN_ROW_RE.test(l)) ? encodingModule('markdown') : undefined;
}

/** The row as a snippet: the one line a row-completing encoding writes it on (undefined should it write none). */
function rowSnippet(encoding: EncodingModule, label: string, columns: number): string | undefined {
  const values = Array.from({ length: columns }, (_, i) => `\${${i + 1}:0}`);
  return encoding.writeRow({ labels: [label], values }).lines[0];
}

/**
 * The completions at a position. `trigger` is the character that opened the list automatically (`|`):
 * only the `|` that starts a table row asks for anything, not the ones typed between numbers.
 */
export function completionsAt(model: ReportModel, pos: Position, locale: Locale = 'zh-cn', trigger?: string): CompletionEntry[] {
  const lineText = model.lines[pos.line] ?? '';
  const character = Math.min(pos.character, lineText.length);
  if (trigger === '|' && !/^[ \t\u3000]*\|$/.test(lineText.slice(0, character))) return [];
  const start = typedStart(lineText, character);
  const range: Range = { start: { line: pos.line, character: start }, end: { line: pos.line, character } };
  const before = lineText.slice(0, character);
  const emptyLine = /^[\s|]*$/.test(before) && lineText.slice(character).trim().length === 0;

  const section = sectionAt(model, pos.line);
  const onHeading = section?.heading.line === pos.line;
  const tableId = section && !onHeading ? TABLE_OF_SECTION[section.heading.section] : undefined;
  const entries: CompletionEntry[] = [];
  let tableFirst = false;

  if (tableId) {
    const table = model.tables[tableId];
    const template = tableTemplate(tableId, table?.format ?? '2021');
    const firstRowLine = table?.rows.length ? Math.min(...table.rows.map((r) => rowRange(r).start.line)) : Infinity;
    const inHeader = pos.line < firstRowLine && table !== undefined;
    // Below the table the next heading is the likelier thing to write: rows and columns come after the headings.
    const afterTable = table !== undefined && pos.line > table.endLine;
    const prefix = afterTable ? '6' : '';
    if (tableId !== 'table4') entries.push(...rowEntries(model, table, template, pos, range, emptyLine, prefix, locale));
    // Above the first row (the header) the column names come first ('!' sorts before the digits).
    entries.push(...columnEntries(template, range, prefix + (inHeader ? '!' : '3'), locale));
    tableFirst = !afterTable;
  }
  entries.push(...headingEntries(model, section?.heading.section ?? 0, range, emptyLine, tableFirst, locale));
  return entries;
}

function rowEntries(
  model: ReportModel,
  table: TableModel | undefined,
  template: TableTemplate,
  pos: Position,
  range: Range,
  emptyLine: boolean,
  prefix: string,
  locale: Locale,
): CompletionEntry[] {
  const present = new Set(table?.rows.map((r) => r.id) ?? []);
  const index = new Map(template.rows.map((r, i) => [r.id, i]));
  // The row just above the cursor (in template order) decides which missing row comes next.
  let previous = -1;
  for (const row of table?.rows ?? []) {
    if (rowRange(row).start.line < pos.line) previous = Math.max(previous, index.get(row.id) ?? -1);
  }
  const missing = template.rows.filter((r) => !present.has(r.id));
  const next = missing.find((r) => index.get(r.id)! > previous) ?? missing[0];
  const rowsIn = emptyLine ? rowEncoding(model, table) : undefined;
  const lineRange: Range = { start: { line: pos.line, character: 0 }, end: range.end };
  const groupLabel = (r: RowTemplate) => template.groups.find((g) => g.id === r.group)?.label;

  const entries: CompletionEntry[] = template.rows.map((r, i) => {
    const isNext = r === next;
    const isPresent = present.has(r.id);
    const group = groupLabel(r);
    const status = isNext ? word(locale, 'next') : isPresent ? word(locale, 'present') : word(locale, 'missing');
    const entry: CompletionEntry = {
      label: r.label,
      kind: 'row',
      detail: [group, status].filter(Boolean).join(' · '),
      documentation: explain(ROW_EXPLANATIONS[r.id], locale),
      insertText: r.label,
      filterText: `${r.label} ${withoutNumbering(r.label)}`,
      sortText: `${prefix}${isNext ? '0' : isPresent ? '4' : '1'}${String(i).padStart(3, '0')}`,
      range,
      preselect: (isNext && prefix === '') || undefined,
    };
    const snippet = rowsIn && rowSnippet(rowsIn, r.label, r.columns.length);
    if (snippet !== undefined) {
      entry.insertText = snippet;
      entry.snippet = true;
      entry.range = lineRange;
    }
    return entry;
  });
  // Group labels (`（三）不予公开`, `第二十条第（一）项`) for writing a table from scratch.
  template.groups.forEach((g, i) => {
    entries.push({
      label: g.label,
      kind: 'group',
      detail: word(locale, 'groupOf'),
      insertText: g.label,
      filterText: `${g.label} ${withoutNumbering(g.label)}`,
      sortText: `${prefix}2${String(i).padStart(3, '0')}`,
      range,
    });
  });
  return entries;
}

function columnEntries(template: TableTemplate, range: Range, rank: string, locale: Locale): CompletionEntry[] {
  let labels: string[];
  if (template.id === 'table3')
    labels = [
      '申请人情况',
      ...TABLE3_COLUMNS.slice(0, 1).map((c) => c.label),
      '法人或其他组织',
      ...TABLE3_COLUMNS.slice(1).map((c) => c.label),
    ];
  else if (template.id === 'table4')
    labels = ['行政复议', '行政诉讼', ...TABLE4_GROUPS.slice(1).map((g) => g.short), ...TABLE4_RESULT_COLUMNS];
  else labels = ['信息内容', ...template.rows.flatMap((r) => r.columns.map((c) => c.label))];
  return [...new Set(labels)].map((label, i) => ({
    label,
    kind: 'column' as const,
    detail: word(locale, 'columnOf'),
    documentation: explain(COLUMN_EXPLANATIONS[label], locale),
    insertText: label,
    filterText: label,
    sortText: `${rank}c${String(i).padStart(3, '0')}`,
    range,
  }));
}

function headingEntries(
  model: ReportModel,
  current: number,
  range: Range,
  emptyLine: boolean,
  inTableSection: boolean,
  locale: Locale,
): CompletionEntry[] {
  const present = new Set(model.sections.map((s) => s.heading.section));
  const missing = SECTIONS.filter((s) => !present.has(s.number));
  const next = missing.find((s) => s.number > current) ?? missing[0];
  const mark = emptyLine ? headingMark(model) : '';
  // In a table section the rows come first; elsewhere the headings do.
  const rank = inTableSection ? '5' : '0';
  return SECTIONS.map((s) => {
    const heading = standardHeading(s.number);
    const isNext = s === next;
    return {
      label: heading,
      kind: 'heading' as const,
      detail: isNext ? word(locale, 'nextSection') : present.has(s.number) ? word(locale, 'present') : word(locale, 'missing'),
      documentation: explain(SECTION_EXPLANATIONS[String(s.number)], locale),
      insertText: mark + heading,
      filterText: `${heading} ${s.title}`,
      sortText: `${rank}${isNext ? 'a' : present.has(s.number) ? 'c' : 'b'}${s.number}`,
      range: mark ? { start: { line: range.start.line, character: 0 }, end: range.end } : range,
      preselect: (!inTableSection && isNext) || undefined,
    };
  });
}
