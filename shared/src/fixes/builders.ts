// Fix builders: for the findings whose fix depends on the table around them (insert a row,
// a label, a cell, a table or a section; convert the 2019 format), the edit written in the
// encoding the table already uses. Each builder is pure: model + finding → fix; each rule names its own
// (`fix` of its definition).

import type { Cell, Fix, Range, ReportModel, RowModel, RuleFinding, TableEncoding, TableModel, TextEdit } from '../model';
import type { FixContext, Msg } from '../rules/rule';
import type { SectionMissingData } from '../rules/structure';
import type { CellMissingData, LegacyFormatData, RowLabelMissingData, RowMissingData, TableMissingData } from '../rules/tables';
import { leadingBlanks } from '../cells';
import { encodingModule, tokenizeLine } from '../encodings';
import { defaultLayout, renderLabelRow, renderRow, renderTable, type RowLayout, type RowValues } from '../render';
import { TABLE2_2021, TABLE3_2021, sectionTemplate, standardHeading, tableTemplate, type CellRef, type ColumnTemplate } from '../template';
import { evaluate, relationWithTotal } from '../relations';
import { lineText, rowTemplateOf } from '../rules/util';

const pos = (line: number, character: number) => ({ line, character });
const at = (line: number, character: number): Range => ({ start: pos(line, character), end: pos(line, character) });

function lineEnd(model: ReportModel, line: number): Range {
  return at(line, model.lines[line]?.length ?? 0);
}

/** The first and last line of a row's labels and cells. */
function rowLines(row: RowModel): [number, number] {
  const lines = [...row.labels, ...row.rawCells].map((c) => c.line);
  return [Math.min(...lines), Math.max(...lines)];
}

function cellLineCount(row: RowModel): number {
  return new Set(row.rawCells.map((c) => c.line)).size;
}

function isLineBound(row: RowModel): boolean {
  return cellLineCount(row) === 1 && row.rawCells.length > 1;
}

/** How the rows of a table are written, learned from one of its rows. */
export function layoutFrom(model: ReportModel, table: TableModel, row: RowModel | undefined): RowLayout {
  const layout = defaultLayout(table.encoding);
  const first = row?.rawCells[0];
  const last = row?.rawCells.at(-1);
  if (!row || !first || !last) return layout;
  const text = lineText(model, first.line);
  const learned = encodingModule(table.encoding).learnLayout({
    lineText: text,
    lineAfter: model.lines[last.line + 1],
    firstValue: () => tokenizeLine(text, first.line).cells.findIndex((c) => c.start === first.start),
    valueStarts: row.rawCells.map((c) => c.start),
  });
  return {
    ...layout,
    indent: learned.indent,
    labelColumns: learned.labelColumns ?? layout.labelColumns,
    blankLineAfterRow: learned.blankLineAfter ?? layout.blankLineAfterRow,
    valueColumns: learned.stops,
  };
}

/** The encoding new tables are written in: the document's own, else Markdown or pipes. */
function documentEncoding(model: ReportModel): TableEncoding {
  const existing = (['table3', 'table2', 'table4'] as const).map((id) => model.tables[id]).find((t) => t);
  if (existing) return existing.encoding;
  return usesMarkdownHeadings(model) ? 'markdown' : 'pipe';
}

function usesMarkdownHeadings(model: ReportModel): boolean {
  return model.sections.some((s) => /^\s*#/.test(lineText(model, s.heading.line)));
}

/** Text before the numeral of a heading (`## `, indentation), copied for inserted headings. */
function headingPrefix(model: ReportModel): string {
  const h = model.sections[0]?.heading;
  return h ? lineText(model, h.line).slice(0, h.range.start.character) : '';
}

function joinLines(model: ReportModel, lines: string[]): string {
  return lines.join(model.eol);
}

// ---------------------------------------------------------------------------

export function sectionMissingFix(model: ReportModel, f: RuleFinding<SectionMissingData>, { msg }: FixContext): Fix | undefined {
  const n = Number(f.data?.section);
  const s = sectionTemplate(n);
  if (!s) return undefined;
  const eol = model.eol;
  const block = [headingPrefix(model) + standardHeading(n)];
  if (s.table) block.push('', ...renderTable(s.table, defaultLayout(documentEncoding(model))));
  else block.push('');
  const before = f.data?.insertBeforeLine;
  if (before !== undefined) {
    return {
      title: msg(s.table ? 'fix.insertSectionWithTable' : 'fix.insertSection', { heading: standardHeading(n) }),
      edits: [{ range: at(before, 0), newText: joinLines(model, block) + eol + eol }],
    };
  }
  // Last section missing: before the closing agency and date, else at the end.
  const closing = model.closing.agencyRange?.start.line ?? model.closing.dateRange?.start.line;
  if (closing !== undefined) {
    return {
      title: msg('fix.insertSection', { heading: standardHeading(n) }),
      edits: [{ range: at(closing, 0), newText: joinLines(model, block) + eol + eol }],
    };
  }
  const last = model.lines.length - 1;
  return {
    title: msg('fix.insertSection', { heading: standardHeading(n) }),
    edits: [{ range: lineEnd(model, last), newText: eol + eol + joinLines(model, block) }],
  };
}

export function tableMissingFix(model: ReportModel, f: RuleFinding<TableMissingData>, { msg }: FixContext): Fix | undefined {
  const id = f.data?.table;
  const line = f.data?.insertAfterLine;
  if (!id || line === undefined) return undefined;
  const lines = renderTable(id, defaultLayout(documentEncoding(model)));
  return {
    title: msg('fix.insertTable', { table: tableTemplate(id, '2021').name }),
    edits: [{ range: lineEnd(model, line), newText: model.eol + model.eol + joinLines(model, lines) }],
  };
}

export function rowMissingFix(model: ReportModel, f: RuleFinding<RowMissingData>, { msg }: FixContext): Fix | undefined {
  const table = f.data && model.tables[f.data.table];
  if (!table) return undefined;
  const template = tableTemplate(table.id, table.format);
  const row = template.rows.find((r) => r.id === f.data?.row);
  if (!row) return undefined;
  const prev = table.rows.find((r) => r.id === f.data?.after);
  const next = table.rows.find((r) => r.id === f.data?.before);
  const reference = prev ?? next;
  if (!reference) return undefined;
  const layout = layoutFrom(model, table, reference);
  const lines = renderRow(
    layout,
    [row.label],
    row.columns.map(() => '0'),
  );
  const title = msg('fix.insertRow', { label: row.label });
  if (prev) {
    const last = rowLines(prev)[1];
    const text = lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
    const blank = layout.blankLineAfterRow ? model.eol : '';
    return { title, edits: [{ range: lineEnd(model, last), newText: model.eol + blank + joinLines(model, text) }] };
  }
  const first = rowLines(next!)[0];
  return { title, edits: [{ range: at(first, 0), newText: joinLines(model, lines) + model.eol }] };
}

export function rowLabelMissingFix(model: ReportModel, f: RuleFinding<RowLabelMissingData>, { msg }: FixContext): Fix | undefined {
  const table = f.data && model.tables[f.data.table];
  const row = table?.rows.find((r) => r.id === f.data?.row && r.labelMissing);
  const label = f.data?.label;
  const first = row?.rawCells[0];
  if (!table || !row || !label || !first) return undefined;
  const title = msg('fix.insertLabel', { label });
  const encoding = encodingModule(table.encoding);
  if (!encoding.separator || !isLineBound(row)) {
    const indent = leadingBlanks(lineText(model, first.line));
    return { title, edits: [{ range: at(first.line, 0), newText: indent + label + model.eol }] };
  }
  // The empty cell just before the numbers takes the label; else the label goes in front of them.
  const cells = tokenizeLine(lineText(model, first.line), first.line).cells;
  const index = cells.findIndex((c) => c.start === first.start);
  const before = index > 0 ? cells[index - 1] : undefined;
  if (before && before.kind === 'empty' && encoding.writesEmptyCells) {
    const pad = encoding.emptyCellPad;
    return {
      title,
      edits: [{ range: { start: pos(first.line, before.start), end: pos(first.line, before.end) }, newText: pad + label + pad }],
    };
  }
  return { title, edits: [{ range: at(first.line, first.start), newText: label + encoding.separator }] };
}

export function cellMissingFix(model: ReportModel, f: RuleFinding<CellMissingData>, { msg }: FixContext): Fix | undefined {
  const table = f.data && model.tables[f.data.table];
  const row = table?.rows.find((r) => r.id === f.data?.row);
  const column = f.data?.column;
  if (!table || !row || column === undefined || f.data?.value === undefined) return undefined;
  const value = String(f.data.value);
  const encoding = encodingModule(table.encoding);
  const pad = encoding.emptyCellPad;
  // A column blank in every row: every cell of it gets a 0.
  const columnRows = f.data?.rows;
  if (Array.isArray(columnRows)) {
    const edits = columnRows.flatMap((id) => {
      const c = table.rows.find((r) => r.id === id)?.cells[column];
      if (!c || (c.kind !== 'empty' && c.kind !== 'placeholder')) return [];
      if (c.kind === 'empty' && table.encoding === 'spaces') return [spacedCellEdit(model, c, '0')];
      const padded = c.kind === 'empty' && c.start === c.end ? pad + '0' + pad : '0';
      return [{ range: { start: pos(c.line, c.start), end: pos(c.line, c.end) }, newText: padded }];
    });
    const label = rowTemplateOf(table, row)?.columns[column]?.label ?? '';
    return edits.length > 0 ? { title: msg('fix.fillColumn', { column: label, count: edits.length }), edits } : undefined;
  }
  const cell = row.cells[column];
  const title = msg('fix.fillCell', { value });
  if (cell && cell.kind === 'placeholder') {
    return { title, edits: [{ range: { start: pos(cell.line, cell.start), end: pos(cell.line, cell.end) }, newText: value }] };
  }
  if (cell && cell.kind === 'empty' && table.encoding === 'spaces') return { title, edits: [spacedCellEdit(model, cell, value)] };
  if (cell && cell.kind === 'empty') {
    const padding = cell.start === cell.end ? pad : '';
    return {
      title,
      edits: [{ range: { start: pos(cell.line, cell.start), end: pos(cell.line, cell.end) }, newText: padding + value + padding }],
    };
  }
  // The row ran short: the cell goes after its last one, together with the cells missing before it
  // (a 0 each, their own findings'), so that the value lands in its own column.
  const last = row.rawCells[row.rawCells.length - 1] ?? row.anchor;
  const firstMissing = lastDefined(row.cells) + 1;
  if (column < firstMissing) return undefined;
  const filled = fillValue(table, row, column, value, firstMissing);
  if (filled === undefined) return undefined;
  const values = [...Array<string>(column - firstMissing).fill('0'), filled];
  const fillTitle = values.length > 1 ? msg('fix.fillCells', { value: filled, count: values.length - 1 }) : title;
  if (!encoding.separator) {
    // Two cells of the row on one line (lines joined): the next cell's place is anyone's guess.
    if (cellLineCount(row) < row.rawCells.length) return undefined;
    const indent = leadingBlanks(lineText(model, last.line));
    return { title: fillTitle, edits: [{ range: lineEnd(model, last.line), newText: values.map((v) => model.eol + indent + v).join('') }] };
  }
  // A row of a line-based table whose cells are spread over several lines is damaged beyond what one
  // cell can mend: a cell put on a line of its own would not be read as part of the row.
  if (!isLineBound(row)) return undefined;
  return { title: fillTitle, edits: [{ range: at(last.line, last.end), newText: values.map((v) => encoding.separator + v).join('') }] };
}

/**
 * Writes `value` into a blank cell of a pdftotext table (a place in a run of spaces): two spaces stay on each
 * side of it, so that it is a cell of its own, and the spaces it takes come out of the run after it, so that
 * the numbers after it keep their positions when the run is wide enough.
 */
function spacedCellEdit(model: ReportModel, cell: Cell, value: string): TextEdit {
  const text = model.lines[cell.line] ?? '';
  let before = 0;
  while (cell.start - before > 0 && text[cell.start - before - 1] === ' ') before++;
  let after = 0;
  while (cell.start + after < text.length && text[cell.start + after] === ' ') after++;
  const atEnd = cell.start + after >= text.length;
  const lead = ' '.repeat(Math.max(0, 2 - before));
  const taken = atEnd ? 0 : Math.max(0, Math.min(lead.length + value.length, after - 2));
  const trail = atEnd ? '' : ' '.repeat(Math.max(0, 2 - (after - taken)));
  return { range: { start: pos(cell.line, cell.start), end: pos(cell.line, cell.start + taken) }, newText: lead + value + trail };
}

/**
 * The value written into a missing total when the cells from `firstMissing` on are filled with 0 in the same edit:
 * the sum of its parts, counting those as 0. Otherwise the finding's own value.
 */
function fillValue(table: TableModel, row: RowModel, column: number, value: string, firstMissing: number): string | undefined {
  const relation = rowTemplateOf(table, row)?.columns[column]?.total ? relationWithTotal(table, row.id, column, 'row') : undefined;
  if (!relation) return value;
  // The cells from firstMissing on are filled with 0 by this edit.
  const assume = (ref: CellRef) => (ref.row === row.id && ref.column >= firstMissing ? 0 : undefined);
  const sum = evaluate(table, relation, { row, assume }).sum;
  if (sum === undefined) return value;
  // A count is never negative: no fix writes a negative number.
  return sum < 0 ? undefined : String(sum);
}

function lastDefined(cells: readonly (unknown | undefined)[]): number {
  for (let k = cells.length - 1; k >= 0; k--) if (cells[k] !== undefined) return k;
  return -1;
}

export function titleMissingFix(model: ReportModel, f: RuleFinding): Fix | undefined {
  const fix = f.fix;
  const edit = fix?.edits[0];
  if (!fix || !edit || !usesMarkdownHeadings(model)) return fix;
  return { ...fix, edits: [{ ...edit, newText: '# ' + edit.newText }] };
}

// ---------------------------------------------------------------------------
// legacy-format: 2019 → 2021

/** A line above table 2 this short is one of its header cells, not prose. */
const MAX_HEADER_CELL_LENGTH = 40;
const DIGIT_RE = /[0-9０-９]/;

/** Lines [from, to] that hold table 2, including its block headers above the first row. */
function table2Lines(model: ReportModel, table: TableModel): [number, number] {
  const section = model.sections.find((s) => s.heading.section === 2);
  let from = table.startLine;
  const floor = section ? section.startLine + 1 : 0;
  for (const m of table.legacyMarkers) from = Math.min(from, m.line);
  // Header cells above the first row are short (`第二十条第（一）项`, `本年新` / `制作数量`) and hold no
  // number; prose does.
  const isHeaderCell = (text: string) => text.trim().length <= MAX_HEADER_CELL_LENGTH && !DIGIT_RE.test(text);
  while (from - 1 >= floor && isHeaderCell(lineText(model, from - 1))) from--;
  while (from < table.startLine && lineText(model, from).trim() === '') from++;
  return [from, table.endLine];
}

function replaceLines(model: ReportModel, from: number, to: number, lines: string[]): TextEdit {
  return { range: { start: pos(from, 0), end: lineEnd(model, to).end }, newText: joinLines(model, lines) };
}

/**
 * What a cell the old format cannot fill holds after a conversion: a placeholder the checker reports as
 * `cell-missing` (never a 0 that looks like a count).
 */
const TO_FILL = '—';

/** One line of the note kept under a converted table: an old row and the numbers that have no 2021 cell. */
interface KeptNumbers {
  label: string;
  cells: { column: string; text: string }[];
}

/** The cells of a row worth keeping: everything written but blanks and placeholders. */
function written(cells: readonly (Cell | undefined)[], columns: readonly ColumnTemplate[], skip: ReadonlySet<number> = new Set()) {
  const out: KeptNumbers['cells'] = [];
  cells.forEach((c, i) => {
    if (c && !skip.has(i) && (c.kind === 'number' || c.kind === 'text' || c.kind === 'glued'))
      out.push({ column: columns[i]?.label ?? '', text: c.text });
  });
  return out;
}

/**
 * The note lines under a converted table: per old row, the numbers the 2021 format has no cell for, as
 * written (`8(减)` stays `8(减)`). Chinese whatever the message language (they are report text); prose,
 * never read as a table row; no year in them, so that no year check reads them.
 */
function noteLines(kept: readonly KeptNumbers[]): string[] {
  return kept
    .filter((k) => k.cells.length > 0)
    .map((k) => {
      const numbers = k.cells.map((c) => (c.column ? `${c.column} ${c.text}` : c.text)).join('，');
      return k.label
        ? `注：转换前旧格式「${k.label}」中新格式没有对应栏目的数字：${numbers}。`
        : `注：转换前表中的「${numbers}」，新格式没有对应栏目。`;
    });
}

/**
 * Lines of [from, to] whose numbers the new text does not hold (a line swapped into the table, a cell
 * no row took), each kept as a note: whatever the conversion made of the table, no number disappears.
 */
function strayLines(model: ReportModel, from: number, to: number, newText: string): KeptNumbers[] {
  const missing = minusRuns(digitRuns(model.lines.slice(from, to + 1).join('\n')), digitRuns(newText));
  const kept: KeptNumbers[] = [];
  for (let line = from; line <= to && missing.size > 0; line++) {
    const text = lineText(model, line);
    const runs = text.match(DIGIT_RUN_RE) ?? [];
    if (!runs.some((r) => missing.has(r))) continue;
    for (const r of runs) {
      const n = missing.get(r) ?? 0;
      if (n > 1) missing.set(r, n - 1);
      else missing.delete(r);
    }
    const cells = tokenizeLine(text, line)
      .cells.map((c) => c.text)
      .filter((t) => t !== '');
    kept.push({ label: '', cells: [{ column: '', text: cells.join(' ') }] });
  }
  return kept;
}

const DIGIT_RUN_RE = /[0-9０-９]+/g;

function digitRuns(text: string): Map<string, number> {
  const runs = new Map<string, number>();
  for (const r of text.match(DIGIT_RUN_RE) ?? []) runs.set(r, (runs.get(r) ?? 0) + 1);
  return runs;
}

function minusRuns(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [r, n] of a) if (n > (b.get(r) ?? 0)) out.set(r, n - (b.get(r) ?? 0));
  return out;
}

/** 2019 rows of table 2 that the 2021 format has, and which of their columns carries over. */
const TABLE2_CARRIED: Record<string, { from: number; to: number }[]> = {
  't2.rules': [{ from: 0, to: 0 }], // 本年新制作数量 → 本年制发件数
  't2.normative': [{ from: 0, to: 0 }],
  't2.licensing': [{ from: 2, to: 0 }], // 处理决定数量 → 本年处理决定数量
  't2.penalty': [{ from: 2, to: 0 }],
  't2.enforcement': [{ from: 2, to: 0 }],
  't2.fees': [], // 上一年项目数量 / 本年增/减 → 本年收费金额: no
};

function convertTable2(model: ReportModel, table: TableModel, msg: Msg): Fix {
  const values = new Map<string, string[]>();
  for (const row of TABLE2_2021.rows)
    values.set(
      row.id,
      row.columns.map(() => TO_FILL),
    );
  const kept: KeptNumbers[] = [];
  const seen = new Set<string>();
  for (const row of table.rows) {
    const old = rowTemplateOf(table, row);
    const columns = old?.columns ?? [];
    const target = values.get(row.id);
    const carried = TABLE2_CARRIED[row.id];
    if (seen.has(row.id) || !target || !carried) {
      // A row the 2021 format has no place for (其他对外管理服务事项, 政府集中采购), or a second copy.
      kept.push({ label: old?.label ?? row.id, cells: written(row.cells, columns) });
      seen.add(row.id);
      continue;
    }
    seen.add(row.id);
    const twentyOne = TABLE2_2021.rows.find((r) => r.id === row.id)!.columns;
    if (row.rawCells.length === twentyOne.length && columns.length !== twentyOne.length) {
      // Already written with the 2021 columns (one number where 2019 has three): kept in place.
      row.rawCells.forEach((c, i) => (target[i] = c.kind === 'number' ? c.text : TO_FILL));
      kept.push({ label: old?.label ?? row.id, cells: row.rawCells.filter((c) => c.kind !== 'number').flatMap((c) => written([c], [])) });
      continue;
    }
    const used = new Set<number>();
    for (const { from, to } of carried) {
      const cell = row.cells[from];
      if (cell?.kind === 'number') {
        target[to] = cell.text;
        used.add(from);
      }
    }
    kept.push({ label: old?.label ?? row.id, cells: written(row.cells, columns, used) });
  }
  const [from, to] = table2Lines(model, table);
  const reference = table.rows.find((r) => r.id === 't2.rules') ?? table.rows[0];
  const layout = { ...layoutFrom(model, table, reference), labelColumns: 1, valueColumns: undefined };
  let lines = renderTable('table2', layout, values as RowValues);
  if (layout.blankLineAfterRow && lines[lines.length - 1] === '') lines = lines.slice(0, -1);
  const notes = noteLines(kept);
  notes.push(...noteLines(strayLines(model, from, to, [...lines, ...notes].join('\n'))));
  return {
    title: msg(notes.length > 0 ? 'fix.convertTable2.kept' : 'fix.convertTable2'),
    edits: [replaceLines(model, from, to, notes.length > 0 ? [...lines, '', ...notes] : lines)],
  };
}

function convertTable3(model: ReportModel, table: TableModel, msg: Msg): Fix | undefined {
  const single = table.rows.find((r) => r.legacySingle);
  if (!single) return undefined;
  const layout = layoutFrom(model, table, single);
  const [from, to] = rowLines(single);
  // Another row on the same lines (lines joined): the row cannot be replaced without touching it.
  if (table.rows.some((r) => r !== single && [...r.labels, ...r.rawCells].some((c) => c.line >= from && c.line <= to))) return undefined;
  // Counts are never negative: where the one old row says 0, each of its three parts is 0. Any other
  // number cannot be split: every part is left to fill, and the old numbers are kept in a note.
  const columns = TABLE3_2021.rows[0]?.columns;
  if (!columns) return undefined;
  const parts = columns.map((_, i) => {
    const cell = single.cells[i];
    return cell?.kind === 'number' && cell.value === 0 ? cell.text : TO_FILL;
  });
  const sub = TABLE3_2021.rows.filter((r) => r.group === 't3.otherHandling');
  const lines = [
    ...renderLabelRow(layout, '（六）其他处理', columns.length + layout.labelColumns),
    ...sub.flatMap((r) => renderRow(layout, [r.label], parts)),
  ];
  if (lines[lines.length - 1] === '') lines.pop();
  const notes = parts.every((p) => p !== TO_FILL) ? [] : noteLines([{ label: '（六）其他处理', cells: written(single.cells, columns) }]);
  notes.push(...noteLines(strayLines(model, from, to, [...lines, ...notes].join('\n'))));
  if (notes.length === 0) return { title: msg('fix.convertTable3'), edits: [replaceLines(model, from, to, lines)] };
  const title = msg('fix.convertTable3.kept');
  // The note goes under the table, where it cannot be read as one of its rows.
  if (to >= table.endLine) return { title, edits: [replaceLines(model, from, to, [...lines, '', ...notes])] };
  return {
    title,
    edits: [replaceLines(model, from, to, lines), { range: lineEnd(model, table.endLine), newText: joinLines(model, ['', '', ...notes]) }],
  };
}

export function legacyFormatFix(model: ReportModel, f: RuleFinding<LegacyFormatData>, { msg }: FixContext): Fix | undefined {
  const table = f.data && model.tables[f.data.table];
  if (!table) return undefined;
  const fix = table.id === 'table2' ? convertTable2(model, table, msg) : convertTable3(model, table, msg);
  // Converting between formats is the user's decision: never part of fix-all.
  return fix && { ...fix, explicitOnly: true };
}
