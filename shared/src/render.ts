// Writes template tables and rows as text in any of the five table encodings.
// Used by the fixes (insert a row, a table, a section) so that inserted text looks like
// the table it goes into.

import type { TableEncoding, TableId } from './model';
import { TABLE3_COLUMNS, TABLE4_GROUPS, TABLE4_RESULT_COLUMNS, tableTemplate, type TableTemplate } from './template';

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
}

export function defaultLayout(encoding: TableEncoding): RowLayout {
  return {
    encoding,
    indent: encoding === 'cell-per-line' ? '\t' : '',
    labelColumns: 1,
    blankLineAfterRow: encoding === 'cell-per-line',
  };
}

const SPACES_GAP = '    ';

/** One table row (label cells, then values) as lines of text. */
export function renderRow(layout: RowLayout, labels: string[], values: string[]): string[] {
  const leading: string[] = [];
  for (let i = 0; i < layout.labelColumns - labels.length; i++) leading.push('');
  const cells = [...leading, ...labels, ...values];
  switch (layout.encoding) {
    case 'markdown':
      return [`${layout.indent}| ${cells.join(' | ')} |`];
    case 'pipe':
      return [`${layout.indent}${cells.join(' | ')} |`];
    case 'tab':
      return [layout.indent + cells.join('\t')];
    case 'spaces': {
      let line = layout.indent + labels.join(SPACES_GAP);
      values.forEach((v, i) => {
        const at = layout.valueColumns?.[i];
        const pad = at !== undefined && at - line.length >= 2 ? at - line.length : SPACES_GAP.length;
        line += ' '.repeat(pad) + v;
      });
      return [line];
    }
    case 'cell-per-line': {
      const lines = [...labels, ...values].map((c) => layout.indent + c);
      return layout.blankLineAfterRow ? [...lines, ''] : lines;
    }
  }
}

/** A line holding only a label (a group label such as `（三）不予公开`, or a block header). */
export function renderLabelRow(layout: RowLayout, label: string, width: number): string[] {
  if (layout.encoding === 'markdown') return [`${layout.indent}| ${label} |${' |'.repeat(Math.max(0, width - 1))}`];
  if (layout.encoding === 'pipe') return [`${layout.indent}${label} |`];
  if (layout.encoding === 'cell-per-line') return layout.blankLineAfterRow ? [layout.indent + label, ''] : [layout.indent + label];
  return [layout.indent + label];
}

function markdownSeparator(layout: RowLayout, width: number): string {
  return `${layout.indent}|${Array.from({ length: width }, () => '---').join('|')}|`;
}

function headerRow(layout: RowLayout, cells: string[]): string[] {
  if (layout.encoding === 'markdown') return [`${layout.indent}| ${cells.join(' | ')} |`, markdownSeparator(layout, cells.length)];
  return renderRow({ ...layout, labelColumns: 0 }, [], cells);
}

export type RowValues = ReadonlyMap<string, readonly (number | string)[]>;

function valuesOf(template: TableTemplate, rowId: string, values: RowValues | undefined): string[] {
  const row = template.rows.find((r) => r.id === rowId)!;
  const given = values?.get(rowId);
  return row.columns.map((_, i) => String(given?.[i] ?? 0));
}

/** Table 2 as its blocks (第二十条第（一）项 …), each with its header. */
function renderTable2(template: TableTemplate, layout: RowLayout, values: RowValues | undefined): string[] {
  const lines: string[] = [];
  template.groups.forEach((group, g) => {
    const first = template.rows.find((r) => r.id === group.rows[0])!;
    if (g > 0 && layout.encoding === 'markdown') lines.push('');
    lines.push(...headerRow(layout, [group.label, ...first.columns.map((c) => c.label)]));
    for (const id of group.rows) {
      const row = template.rows.find((r) => r.id === id)!;
      lines.push(...renderRow({ ...layout, labelColumns: 1 }, [row.label], valuesOf(template, id, values)));
    }
  });
  return lines;
}

function renderTable3(template: TableTemplate, layout: RowLayout, values: RowValues | undefined): string[] {
  const width = TABLE3_COLUMNS.length + 1;
  const lines = headerRow(layout, [template.headers[template.headers.length - 1], ...TABLE3_COLUMNS.map((c) => c.label)]);
  const groupStarts = new Map(template.groups.filter((g) => g.rows.length > 0).map((g) => [g.rows[0], g.label]));
  // `三、本年度办理结果` opens the results before （一）.
  groupStarts.set('t3.granted', '三、本年度办理结果');
  for (const row of template.rows) {
    const group = groupStarts.get(row.id);
    if (group) lines.push(...renderLabelRow(layout, group, width));
    lines.push(...renderRow({ ...layout, labelColumns: 1 }, [row.label], valuesOf(template, row.id, values)));
  }
  return lines;
}

function renderTable4(template: TableTemplate, layout: RowLayout, values: RowValues | undefined): string[] {
  const numbers = valuesOf(template, template.rows[0].id, values);
  if (layout.encoding === 'markdown') {
    return [
      ...headerRow(
        layout,
        TABLE4_GROUPS.flatMap(() => [...TABLE4_RESULT_COLUMNS]),
      ),
      ...renderRow({ ...layout, labelColumns: 0 }, [], numbers),
    ];
  }
  const plain = { ...layout, labelColumns: 0, blankLineAfterRow: false };
  const lines = [
    ...renderRow(plain, [], ['行政复议', '行政诉讼']),
    ...renderRow(plain, [], [...TABLE4_RESULT_COLUMNS, TABLE4_GROUPS[1].name.split('·')[1], TABLE4_GROUPS[2].name.split('·')[1]]),
    ...renderRow(plain, [], [...TABLE4_RESULT_COLUMNS, ...TABLE4_RESULT_COLUMNS]),
    ...renderRow(plain, [], numbers),
  ];
  return layout.encoding === 'cell-per-line' ? [...lines, ''] : lines;
}

/** A whole table of the 2021 format (zeros unless values are given). */
export function renderTable(id: TableId, layout: RowLayout, values?: RowValues): string[] {
  const template = tableTemplate(id, '2021');
  switch (id) {
    case 'table2':
      return renderTable2(template, layout, values);
    case 'table3':
      return renderTable3(template, layout, values);
    case 'table4':
      return renderTable4(template, layout, values);
  }
}
