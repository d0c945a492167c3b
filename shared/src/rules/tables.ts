// Rules on the shape of the tables: a table, a row, a label or a cell that is missing,
// a cell that is no number, a negative count, and the 2019 format used for a later year.

import type { Cell, Range, RelatedInfo, ReportModel, RowModel, RuleFinding, TableEncoding, TableId, TableModel } from '../model';
import { evaluate, relationWithTotal } from '../relations';
import { readSection, tableTemplate, type ColumnTemplate } from '../template';
import { normalizeLabel, parseNumber } from '../text';
import { cellMissingFix, legacyFormatFix, rowLabelMissingFix, rowMissingFix, tableMissingFix } from '../fixes/builders';
import { defineRule, type Msg } from './rule';
import { numberOf } from '../numbers';
import { afterCell, cellRange, quoteRow, rowTemplateOf, templateOf } from './util';

const TABLE_OF_SECTION: Record<number, TableId> = { 2: 'table2', 3: 'table3', 4: 'table4' };

function tables(model: ReportModel): TableModel[] {
  return (['table2', 'table3', 'table4'] as const).map((id) => model.tables[id]).filter((t): t is TableModel => !!t);
}

/** The table the section lacks, and the line after which it goes (the heading's). */
export type TableMissingData = { table: TableId; section: number; insertAfterLine: number };
/** The missing row of a table, and the rows present before and after it. */
export type RowMissingData = { table: TableId; row: string; before?: string; after?: string };
/** The row whose label was lost, and that label. */
export type RowLabelMissingData = { table: TableId; row: string; label: string };
/**
 * The cell (row, column) and the value its fix writes (a missing total: the sum of its parts; undefined: no
 * fix); `rows`: every row of a column blank throughout. No column: a pdftotext row short of numbers (no fix).
 */
export type CellMissingData = {
  table: TableId;
  row: string;
  column?: number;
  value?: number;
  encoding: TableEncoding;
  rows?: string[];
};
/** The table written on the 2019 format. */
export type LegacyFormatData = { table: TableId };

export const tableMissing = defineRule({
  code: 'table-missing',
  severity: 'error',
  description: {
    zh: '第二、三、四部分缺少统计表',
    en: 'Section 二, 三 or 四 has no statistics table',
  },
  fix: tableMissingFix,
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    const done = new Set<number>();
    for (const s of model.sections) {
      const n = s.heading.section;
      const id = TABLE_OF_SECTION[n];
      if (!id || done.has(n)) continue;
      done.add(n);
      if (model.tables[id]) continue;
      findings.push({
        range: s.heading.range,
        message: msg('table-missing', { numeral: readSection(n).numeral, number: n, table: tableTemplate(id, '2021').name }),
        data: { table: id, section: n, insertAfterLine: s.startLine },
      });
    }
    return findings;
  },
});

/** The README's line for `table-missing` (generated into its table of finding codes). */
export const tableMissingDoc = 'section 二, 三 or 四 has no table';

export const rowMissing = defineRule({
  code: 'row-missing',
  severity: 'error',
  description: {
    zh: '统计表缺少模板中的一行',
    en: 'A row of the template is missing',
  },
  fix: rowMissingFix,
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      if (table.id === 'table4') continue;
      const template = templateOf(table);
      const present = new Set(table.rows.map((r) => r.id));
      template.rows.forEach((row, index) => {
        if (present.has(row.id)) return;
        // Anchor on the next row that is present, else on the previous one.
        const next = template.rows.slice(index + 1).find((r) => present.has(r.id));
        const prev = template.rows
          .slice(0, index)
          .reverse()
          .find((r) => present.has(r.id));
        const anchorRow = table.rows.find((r) => r.id === (next ?? prev)?.id);
        const anchorCell = anchorRow ? (anchorRow.labels[0] ?? anchorRow.anchor) : undefined;
        if (!anchorCell) return;
        findings.push({
          range: cellRange(anchorCell),
          message: next
            ? msg('row-missing.before', { table: template.name, row: quoteRow(row.name), next: quoteRow(next.name) })
            : msg('row-missing', { table: template.name, row: quoteRow(row.name) }),
          data: { table: table.id, row: row.id, before: next?.id, after: prev?.id },
        });
      });
    }
    return findings;
  },
});

/** The README's line for `row-missing` (generated into its table of finding codes). */
export const rowMissingDoc = 'a template row is absent';

export const rowLabelMissing = defineRule({
  code: 'row-label-missing',
  severity: 'warning',
  description: {
    zh: '一行数字没有行名',
    en: 'A row of numbers has no label',
  },
  fix: rowLabelMissingFix,
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      if (table.id === 'table4') continue;
      for (const row of table.rows) {
        if (!row.labelMissing || row.legacySingle) continue;
        const t = rowTemplateOf(table, row);
        if (!t) continue;
        const onLine = row.rawCells.filter((c) => c.line === row.anchor.line);
        const last = onLine[onLine.length - 1] ?? row.anchor;
        findings.push({
          range: { start: { line: row.anchor.line, character: row.anchor.start }, end: { line: last.line, character: last.end } },
          message: msg('row-label-missing', { row: quoteRow(t.name) }),
          data: { table: table.id, row: row.id, label: t.label },
        });
      }
    }
    return findings;
  },
});

/** The README's line for `row-label-missing` (generated into its table of finding codes). */
export const rowLabelMissingDoc = "a row's numbers are there but its label was lost";

export const rowDuplicate = defineRule({
  code: 'row-duplicate',
  severity: 'error',
  description: {
    zh: '统计表中同一行出现了两次',
    en: 'A row of the template appears twice',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      const first = new Map<string, RowModel>();
      for (const row of table.rows) {
        const earlier = first.get(row.id);
        if (!earlier) {
          first.set(row.id, row);
          continue;
        }
        // Which copy is right is the author's call: no fix; the sums use the first one.
        const t = rowTemplateOf(table, row);
        const name = quoteRow(t?.name || row.id);
        findings.push({
          range: rowRange(row),
          message: msg('row-duplicate', { table: templateOf(table).name, row: name, line: rowRange(earlier).start.line + 1 }),
          related: [{ range: rowRange(earlier), message: msg('related.firstRow', { row: name }) }],
          data: { table: table.id, row: row.id },
        });
      }
    }
    return findings;
  },
});

/** The README's line for `row-duplicate` (generated into its table of finding codes). */
export const rowDuplicateDoc = 'a template row is written twice (the first copy is summed; no fix: which is right is yours to say)';

/** A row's label (or, without one, its first cell) to the last cell on that line. */
function rowRange(row: RowModel): Range {
  const first = row.labels[0] ?? row.anchor;
  const onLine = [...row.labels, ...row.rawCells].filter((c) => c.line === first.line);
  const last = onLine[onLine.length - 1] ?? first;
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: Math.max(last.end, first.start) } };
}

export const cellMissing = defineRule({
  code: 'cell-missing',
  severity: 'error',
  description: {
    zh: '一行的数字少于列数，或有空白、占位符的单元格',
    en: 'A row has fewer numbers than columns, or a blank or placeholder cell',
  },
  fix: cellMissingFix,
  preferred: true,
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      const blankColumns = blankColumnsOf(table);
      for (const { column, rows } of blankColumns.values()) {
        const finding = blankColumnFinding(table, column, rows, msg);
        if (finding) findings.push(finding);
      }
      for (const row of table.rows) {
        if (row.rawCells.some((c) => c.kind === 'glued')) continue;
        const t = rowTemplateOf(table, row);
        if (!t) continue;
        if (row.unaligned) {
          findings.push(unalignedFinding(table, row, t.name || table.id, t.columns.length, msg));
          continue;
        }
        const last = row.rawCells[row.rawCells.length - 1] ?? row.anchor;
        t.columns.forEach((column, i) => {
          const cell = row.cells[i];
          if (cell && cell.kind !== 'empty' && cell.kind !== 'placeholder') return;
          // A column blank in every row is one finding for the whole column.
          if (blankColumns.has(columnKey(t.columns, i))) return;
          // A missing total gets the computed sum of the row's parts when they are all there; a count is
          // never negative, so a negative sum (a negative part) is no value to fill in.
          let value: number | undefined = 0;
          const relation = column.total ? relationWithTotal(table, row.id, i, 'row') : undefined;
          if (relation) {
            value = evaluate(table, relation, { row }).sum ?? 0;
            if (value < 0) value = undefined;
          }
          const where = `${quoteRow(t.name || table.id)}·${column.label}`;
          const what =
            cell?.kind === 'placeholder'
              ? msg('cell-missing.placeholder', { cell: where, text: cell.text })
              : msg('cell-missing.empty', { cell: where });
          const range = cell ? cellRange(cell) : afterCell(last);
          findings.push({
            range,
            message: what + (column.total && value !== undefined ? msg('cell-missing.expected', { value }) : ''),
            data: { table: table.id, row: row.id, column: i, value, encoding: table.encoding },
          });
        });
      }
    }
    return findings;
  },
});
/** The README's line for `cell-missing` (generated into its table of finding codes). */
export const cellMissingDoc = 'a row has fewer numbers than columns, or a blank or placeholder (`/`, `—`, `无`) cell';

/** A pdftotext row short of numbers whose blank cells the column positions do not show: one finding, no fix. */
function unalignedFinding(table: TableModel, row: RowModel, name: string, columns: number, msg: Msg): RuleFinding<CellMissingData> {
  const first = row.rawCells[0] ?? row.anchor;
  const last = row.rawCells[row.rawCells.length - 1] ?? first;
  return {
    range: { start: { line: first.line, character: first.start }, end: { line: last.line, character: Math.max(last.end, first.start) } },
    message: row.displaced
      ? msg('cell-missing.displaced', {
          row: quoteRow(name),
          numbers: row.displaced.map((c) => c.text).join(' '),
          line: row.displaced[0]!.line + 1,
        })
      : msg('cell-missing.unaligned', { row: quoteRow(name), count: row.rawCells.length, columns }),
    data: { table: table.id, row: row.id, encoding: table.encoding },
  };
}

const isBlankCell = (c: Cell | undefined): boolean => c !== undefined && (c.kind === 'empty' || c.kind === 'placeholder');

/** One key per column of a row layout (rows sharing a template's column list share its keys). */
const layoutIds = new Map<readonly ColumnTemplate[], number>();
function columnKey(columns: readonly ColumnTemplate[], i: number): number {
  let id = layoutIds.get(columns);
  if (id === undefined) {
    id = layoutIds.size + 1;
    layoutIds.set(columns, id);
  }
  // A number, not a string built for every cell of every check (a row has far fewer than 1,000 columns).
  return id * 1000 + i;
}

/** Fewer rows than this do not make a column pattern (a single row's blank cell is its own finding). */
const MIN_ROWS_OF_BLANK_COLUMN = 3;

/**
 * Columns blank (an empty or placeholder cell) in every row that has them, while other columns hold
 * numbers: one pattern (a column left empty by the page), reported once per column.
 */
function blankColumnsOf(table: TableModel): Map<number, { column: number; rows: RowModel[] }> {
  const out = new Map<number, { column: number; rows: RowModel[] }>();
  const candidates = new Map<number, { column: number; rows: RowModel[]; blank: boolean }>();
  let numbers = 0;
  for (const row of table.rows) {
    const t = rowTemplateOf(table, row);
    if (!t || row.rawCells.some((c) => c.kind === 'glued')) continue;
    t.columns.forEach((_, i) => {
      const key = columnKey(t.columns, i);
      const entry = candidates.get(key) ?? { column: i, rows: [], blank: true };
      candidates.set(key, entry);
      entry.rows.push(row);
      if (!isBlankCell(row.cells[i])) entry.blank = false;
      if (numberOf(row.cells[i]) !== undefined) numbers++;
    });
  }
  if (numbers === 0) return out;
  for (const [key, e] of candidates)
    if (e.blank && e.rows.length >= MIN_ROWS_OF_BLANK_COLUMN) out.set(key, { column: e.column, rows: e.rows });
  return out;
}

/** The finding of a blank column; each of `rows` has the column's cell (a blank one, which blankColumnsOf checked). */
function blankColumnFinding(table: TableModel, column: number, rows: RowModel[], msg: Msg): RuleFinding<CellMissingData> | undefined {
  const [first, ...others] = rows;
  const cell = first?.cells[column];
  const label = first && rowTemplateOf(table, first)?.columns[column]?.label;
  if (!first || !cell || label === undefined) return undefined;
  const related: RelatedInfo[] = [];
  for (const r of others) {
    const c = r.cells[column];
    if (c) related.push({ range: cellRange(c), message: `${quoteRow(rowTemplateOf(table, r)?.name ?? r.id)}·${label}` });
  }
  return {
    range: cellRange(cell),
    message: msg('cell-missing.column', { table: templateOf(table).name, column: label, count: rows.length }),
    related,
    data: { table: table.id, row: first.id, column, value: 0, encoding: table.encoding, rows: rows.map((r) => r.id) },
  };
}

export const cellNotNumber = defineRule({
  code: 'cell-not-number',
  severity: 'error',
  description: {
    zh: '单元格不是数字，或几个数字连在一起无法拆分',
    en: 'A cell is not a number, or numbers run together',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      for (const row of table.rows) {
        const t = rowTemplateOf(table, row);
        for (const cell of row.rawCells) {
          if (cell.kind === 'glued') {
            findings.push({
              range: cellRange(cell),
              message: msg('cell-not-number.glued', { row: quoteRow(t?.name ?? row.id), text: cell.text }),
              data: { table: table.id, row: row.id },
            });
          } else if (cell.kind === 'text') {
            const i = row.cells.indexOf(cell);
            const column = i >= 0 ? t?.columns[i]?.label : undefined;
            const args = { cell: `${quoteRow(t?.name ?? row.id)}${column ? `·${column}` : ''}`, text: cell.text };
            findings.push({
              range: cellRange(cell),
              // A number the reader refused (beyond MAX_COUNT) is named as such.
              message: parseNumber(cell.text) ? msg('cell-not-number.tooLarge', args) : msg('cell-not-number', args),
              data: { table: table.id, row: row.id, column: i },
            });
          }
        }
      }
    }
    return findings;
  },
});

/** The README's line for `cell-not-number` (generated into its table of finding codes). */
export const cellNotNumberDoc =
  'a cell is not a number (`15件`, `N/A`, a count above 10^9), or numbers run together (`…申请数量21710000218`)';

export const negativeNumber = defineRule({
  code: 'negative-number',
  severity: 'error',
  description: {
    zh: '数量为负数',
    en: 'A count is negative',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      for (const row of table.rows) {
        const t = rowTemplateOf(table, row);
        if (!t) continue;
        row.cells.forEach((cell, i) => {
          const v = numberOf(cell);
          const column = t.columns[i];
          if (cell === undefined || v === undefined || v >= 0 || !column || column.signed) return;
          findings.push({
            range: cellRange(cell),
            message: msg('negative-number', { cell: `${quoteRow(t.name || '表四')}·${column.label}`, value: v }),
            data: { table: table.id, row: row.id, column: i },
          });
        });
      }
    }
    return findings;
  },
});

/** The README's line for `negative-number` (generated into its table of finding codes). */
export const negativeNumberDoc = 'a count is negative';

export const legacyFormat = defineRule({
  code: 'legacy-format',
  severity: 'warning',
  description: {
    zh: '2021 年及以后的报告仍使用 2019 年的表格格式',
    en: 'A report for 2021 or later uses the 2019 table format',
  },
  fix: legacyFormatFix,
  check(model, { format, msg }) {
    // `format` setting: 2019 = the 2019 format is expected; 2021 = the 2021 format whatever the year.
    if (format === '2019') return [];
    if (format !== '2021' && model.year !== undefined && model.year < 2021) return [];
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      const [marker] = table.legacyMarkers;
      if (table.format !== '2019' || !marker) continue;
      const args = { table: tableTemplate(table.id, '2021').name, marker: marker.text, year: model.year ?? '2021' };
      findings.push({
        range: cellRange(marker),
        message: table.id === 'table3' ? msg('legacy-format.table3', args) : msg('legacy-format', args),
        data: { table: table.id },
      });
    }
    return findings;
  },
});

/** The README's line for `legacy-format` (generated into its table of finding codes). */
export const legacyFormatDoc = 'the 2019 table format in a report for 2021 or later';

/** Every run of digits in `written` is also in `standard` (as many times): replacing one by the other removes no number. */
function keepsNumbers(written: string, standard: string): boolean {
  const available: string[] = [...(standard.match(/\d+/g) ?? [])];
  for (const run of written.match(/\d+/g) ?? []) {
    const at = available.indexOf(run);
    if (at < 0) return false;
    available.splice(at, 1);
  }
  return true;
}

export const labelWording = defineRule({
  code: 'label-wording',
  severity: 'info',
  description: {
    zh: '行名与标准表述不同（错字或旧表述），仍按该行读取',
    en: 'A row label differs from the standard wording (a typo or an older wording)',
  },
  check(model, { msg }) {
    const findings: RuleFinding[] = [];
    for (const table of tables(model)) {
      if (table.id === 'table4') continue;
      for (const row of table.rows) {
        if (row.labelMissing || row.viaGroup || row.labels.length === 0) continue;
        const t = rowTemplateOf(table, row);
        if (!t || !t.label) continue;
        const written = normalizeLabel(row.labels.map((c) => c.text).join(''));
        const wording = (t.wordings ?? []).some((w) => normalizeLabel(w) === written);
        // A typo is recognised in a label written in one piece; a label pieced together from fragments
        // (pdftotext interleaves a group label with a wrapped row label) is no wording of its own.
        if (!wording && !(row.fuzzyLabel && row.labels.length === 1)) continue;
        const first = row.labels[0];
        const last = row.labels.at(-1);
        if (!first || !last) continue;
        const range = { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
        const text = row.labels.map((c) => c.text).join('');
        findings.push({
          range,
          message: msg('label-wording', { text, standard: t.label }),
          // One cell on one line: replaced by the standard label; a label spread over lines is left to the writer,
          // and so is a label cell holding a number the standard label does not (a damaged row: the fix would delete it).
          fix:
            row.labels.length === 1 && keepsNumbers(text, t.label)
              ? { title: msg('fix.replaceWith', { text: t.label }), edits: [{ range, newText: t.label }] }
              : undefined,
          data: { table: table.id, row: row.id, standard: t.label },
        });
      }
    }
    return findings;
  },
});

/** The README's line for `label-wording` (generated into its table of finding codes). */
export const labelWordingDoc =
  'a row label worded differently from the standard (`规范性文件` in a 2021 table 2, the typo `2.其他法律行政止公开`); still that row';
