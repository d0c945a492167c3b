// Writes the template's tables and rows as text in any table encoding (each encoding's module writes
// the lines). Used by the fixes (insert a row, a table, a section), so that inserted text looks like the
// table it goes into, and by the new report and its snippets.

import { encodingModule, type RowOptions } from './encodings';
import type { TableEncoding, TableId } from './model';
import {
  TABLE2_2021,
  TABLE3_2021,
  TABLE3_COLUMNS,
  TABLE4,
  TABLE4_GROUPS,
  TABLE4_RESULT_COLUMNS,
  TABLE4_ROW,
  type TableTemplate,
} from './template';

/** How a table's rows are written. */
export interface RowLayout {
  encoding: TableEncoding;
  /** Text before the first cell (indentation). */
  indent: string;
  /** Cells before the first value (label columns, merged cells). */
  labelColumns: number;
  /** cell-per-line: a blank line after each row. */
  blankLineAfterRow: boolean;
  /** spaces: UTF-16 columns where the values start, when known. */
  valueColumns?: number[];
  /** Markdown: empty cells of label rows written `|  |` (the new report's snippets) rather than `| |`. */
  padEmpty?: boolean;
}

export function defaultLayout(encoding: TableEncoding): RowLayout {
  const { indent, blankLineAfter } = encodingModule(encoding).defaults;
  return { encoding, indent, labelColumns: 1, blankLineAfterRow: blankLineAfter };
}

function optionsOf(layout: RowLayout): RowOptions {
  return { indent: layout.indent, blankLineAfter: layout.blankLineAfterRow, stops: layout.valueColumns, padEmpty: layout.padEmpty };
}

/** One table row (label cells, then values) as lines of text. */
export function renderRow(layout: RowLayout, labels: string[], values: string[]): string[] {
  const leading: string[] = [];
  for (let i = 0; i < layout.labelColumns - labels.length; i++) leading.push('');
  // A row's empty label cells are written padded (`|  | 1.其他 | 0 |`).
  return encodingModule(layout.encoding).writeRow({ labels: [...leading, ...labels], values }, { ...optionsOf(layout), padEmpty: true })
    .lines;
}

/** A line holding only a label (a group label such as `（三）不予公开`, or a block header). */
export function renderLabelRow(layout: RowLayout, label: string, width: number): string[] {
  return encodingModule(layout.encoding).writeLabelRow(label, width, optionsOf(layout));
}

function headerRow(layout: RowLayout, cells: string[]): string[] {
  return encodingModule(layout.encoding).writeHeader(cells, optionsOf(layout));
}

export type RowValues = ReadonlyMap<string, readonly (number | string)[]>;

/** What is written for the template's own words and for each value (a snippet escapes the one, makes tab stops of the other). */
export interface CellWriter {
  literal(text: string): string;
  value(text: string): string;
}

const PLAIN: CellWriter = { literal: (t) => t, value: (t) => t };

interface TableContext {
  template: TableTemplate;
  layout: RowLayout;
  values: RowValues | undefined;
  w: CellWriter;
}

function valuesOf({ template, values, w }: TableContext, rowId: string): string[] {
  const row = template.rows.find((r) => r.id === rowId)!;
  const given = values?.get(rowId);
  return row.columns.map((_, i) => w.value(String(given?.[i] ?? 0)));
}

/** An encoding with one header row per table writes table 2's blocks as tables of their own and table 4's headers as one row. */
function oneHeaderRow(layout: RowLayout): boolean {
  return encodingModule(layout.encoding).oneHeaderRow;
}

/** Table 2 as its blocks (第二十条第（一）项 …), each with its header. */
function renderTable2(t: TableContext): string[] {
  const { template, layout, w } = t;
  const lines: string[] = [];
  template.groups.forEach((group, g) => {
    const first = template.rows.find((r) => r.id === group.rows[0])!;
    if (g > 0 && oneHeaderRow(layout)) lines.push('');
    lines.push(...headerRow(layout, [group.label, ...first.columns.map((c) => c.label)].map(w.literal)));
    for (const id of group.rows) {
      const row = template.rows.find((r) => r.id === id)!;
      lines.push(...renderRow({ ...layout, labelColumns: 1 }, [w.literal(row.label)], valuesOf(t, id)));
    }
  });
  return lines;
}

function renderTable3(t: TableContext): string[] {
  const { template, layout, w } = t;
  const width = TABLE3_COLUMNS.length + 1;
  const lines = headerRow(layout, [...template.headers.slice(-1), ...TABLE3_COLUMNS.map((c) => c.label)].map(w.literal));
  const groupStarts = new Map(template.groups.filter((g) => g.rows.length > 0).map((g) => [g.rows[0], g.label]));
  // `三、本年度办理结果` opens the results before （一）.
  groupStarts.set('t3.granted', '三、本年度办理结果');
  for (const row of template.rows) {
    const group = groupStarts.get(row.id);
    if (group) lines.push(...renderLabelRow(layout, w.literal(group), width));
    lines.push(...renderRow({ ...layout, labelColumns: 1 }, [w.literal(row.label)], valuesOf(t, row.id)));
  }
  return lines;
}

function renderTable4(t: TableContext): string[] {
  const { layout, w } = t;
  const numbers = valuesOf(t, TABLE4_ROW.id);
  if (oneHeaderRow(layout)) {
    return [
      ...headerRow(
        layout,
        TABLE4_GROUPS.flatMap(() => TABLE4_RESULT_COLUMNS.map(w.literal)),
      ),
      ...renderRow({ ...layout, labelColumns: 0 }, [], numbers),
    ];
  }
  const plain = { ...layout, labelColumns: 0, blankLineAfterRow: false };
  const words = (texts: string[]) => texts.map(w.literal);
  const lines = [
    ...renderRow(plain, [], words(['行政复议', '行政诉讼'])),
    ...renderRow(plain, [], words([...TABLE4_RESULT_COLUMNS, TABLE4_GROUPS[1].short, TABLE4_GROUPS[2].short])),
    ...renderRow(plain, [], words([...TABLE4_RESULT_COLUMNS, ...TABLE4_RESULT_COLUMNS])),
    ...renderRow(plain, [], numbers),
  ];
  // Cells on lines of their own: a blank line ends the table.
  return encodingModule(layout.encoding).separator === '' ? [...lines, ''] : lines;
}

const TEMPLATES_2021: Record<TableId, TableTemplate> = { table2: TABLE2_2021, table3: TABLE3_2021, table4: TABLE4 };

/** A whole table of the 2021 format (zeros unless values are given). */
export function renderTable(id: TableId, layout: RowLayout, values?: RowValues, w: CellWriter = PLAIN): string[] {
  const t: TableContext = { template: TEMPLATES_2021[id], layout, values, w };
  switch (id) {
    case 'table2':
      return renderTable2(t);
    case 'table3':
      return renderTable3(t);
    case 'table4':
      return renderTable4(t);
  }
}
