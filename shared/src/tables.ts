// Reads the three statistics tables from a stream of cells, whatever the encoding:
// label cells name a template row, the value cells after them fill its columns.
// Matching by template, not by encoding, is what makes every encoding work.

import type { Cell, FormatVersion, RowModel, TableEncoding, TableId, TableModel } from './model';
import { encodingOfLayout, LAYOUTS_WITH_EMPTIES, type LineLayout, type TokenizedLine } from './encodings';
import { isKnownLabel, matchGroup, matchRow, prepare, type PreparedTable } from './labels';
import {
  TABLE2_2019_MARKERS,
  TABLE2_2021_COLUMN_MARKERS,
  TABLE4,
  TABLE4_ROW,
  tableTemplate,
  type GroupTemplate,
  type RowTemplate,
  type TableTemplate,
} from './template';
import { evaluate, involvesRow, relationsOf, rowCheck, type RowsOf } from './relations';
import { cellsOf, digitTokens, looksRunTogether, splitRuns, type SplitCandidate } from './runs';
import { normalizeLabel } from './text';
import { alignShortRows, type Alignment } from './spaceColumns';

export type LineSource = (line: number) => TokenizedLine;

const TABLE2_2019_MARKER_KEYS = new Set(TABLE2_2019_MARKERS.map(normalizeLabel));
/** Label of the first table-3 row: where table 3 starts when its heading is missing. */
const TABLE3_START_KEY = normalizeLabel('一、本年新收政府信息公开申请数量');

function isValueCell(c: Cell): boolean {
  return c.kind === 'number' || c.kind === 'placeholder';
}

/**
 * Text written where a number belongs: a number with a unit or a qualifier (`15件`, `约15`), a number too
 * large to be a count, Chinese numerals (`十五`), `N/A`. Such a cell takes its column (and is reported as
 * cell-not-number) instead of being read as a label, which would shift the row by one column.
 */
const VALUE_LIKE_RE =
  /^(?:[约近共计合逾超]?\s*[+\-−]?[\d０-９][\d０-９,，.．\s]*(?:件|个|项|次|条|份|人|元|万元)?|[零〇一二三四五六七八九十百千万两]{1,8}(?:件|个|项|次|条|份)?|N\/?A|n\/?a|null|NULL|none|None|nil|[xX×?？])$/;

function isValueLikeText(p: PreparedTable, c: Cell): boolean {
  return c.kind === 'text' && c.text.length <= 30 && VALUE_LIKE_RE.test(c.text) && !isKnownLabel(p, normalizeLabel(c.text));
}

interface RawRow {
  labels: Cell[];
  values: Cell[];
  /** Empty cells after the last value on the same line (a tab/pipe row's missing trailing cells). */
  trailingEmpties: Cell[];
  /** Empty cells between the row's label and its first value on the same line (a blank first cell, or merged label columns). */
  leadingEmpties: Cell[];
  /** The leading empties lie at or after the header's first value column: they are value cells for sure. */
  leadingEmptiesInColumns: boolean;
  firstValueLine: number;
  lineBound: boolean;
  template?: RowTemplate;
  index: number;
  labelMissing: boolean;
  fuzzy: boolean;
  viaGroup?: string;
  /** The numbers were glued to the label (`规章000`). */
  gluedRun?: boolean;
  /** Numbers of this row alone on a line before it (a converter moved them out of the row). */
  displaced?: Cell[];
  /** The row's values with the displaced ones in their columns, when their empty cells show them. */
  placed?: Cell[];
}

/** A number alone on its line is this row's when it stands at most this many lines before the row's label. */
const MAX_DISPLACED_DISTANCE = 2;

/**
 * Numbers alone on a line right before a labelled row that is short of exactly that many numbers (a PDF
 * converter moved them out of the row, e.g. the 总计 above its row): they are that row's, not a row whose
 * label was lost (which would be read as a duplicate of the next row, and every sum through both wrong).
 */
function mergeDisplaced(raw: RawRow[], columnsOf: (row: RawRow) => number, source: LineSource): void {
  for (let i = raw.length - 2; i >= 0; i--) {
    const lone = raw[i]!;
    const row = raw[i + 1]!;
    if (!lone.labelMissing || lone.labels.length > 0 || lone.viaGroup || row.labelMissing || !row.template || row.gluedRun) continue;
    const line = lone.firstValueLine;
    if (lone.values.length === 0 || lone.values.some((c) => c.kind !== 'number' || c.line !== line)) continue;
    if (row.values.length + lone.values.length !== columnsOf(row)) continue;
    const rowLine = row.labels[0]?.line ?? row.firstValueLine;
    if (rowLine <= line || rowLine - line > MAX_DISPLACED_DISTANCE) continue;
    row.displaced = lone.values;
    row.placed = placeByCellIndex(lone.values, row, columnsOf(row), source);
    raw.splice(i, 1);
  }
}

/**
 * Pipe, Markdown and tab lines write empty cells: a displaced number's cell index on its line is its column
 * when the row's line has an empty cell there (or ends before it) and the row's numbers and it make one run
 * of cells.
 */
function placeByCellIndex(lone: readonly Cell[], row: RawRow, columns: number, source: LineSource): Cell[] | undefined {
  const a = source(lone[0]!.line);
  const b = source(row.firstValueLine);
  if (a.layout !== b.layout || !LAYOUTS_WITH_EMPTIES.has(a.layout) || row.values.some((c) => c.line !== row.firstValueLine))
    return undefined;
  const indexIn = (cells: readonly Cell[], c: Cell) => cells.findIndex((x) => x.start === c.start && x.end === c.end);
  const slots = new Map<number, Cell>();
  for (const c of row.values) slots.set(indexIn(b.cells, c), c);
  for (const c of lone) {
    const k = indexIn(a.cells, c);
    // An empty cell of the row's line there, or none (a tab line's trailing empty cells are not kept).
    if (k < 0 || (k < b.cells.length && b.cells[k]!.kind !== 'empty') || slots.has(k)) return undefined;
    slots.set(k, c);
  }
  const keys = [...slots.keys()].sort((x, y) => x - y);
  if (keys.length !== columns || keys[0]! < 0 || keys[keys.length - 1]! - keys[0]! !== columns - 1) return undefined;
  return keys.map((k) => slots.get(k)!);
}

function dominantEncoding(layouts: Map<TableEncoding, number>, sawSeparator: boolean): TableEncoding {
  if (sawSeparator) return 'markdown';
  let best: TableEncoding = 'cell-per-line';
  let count = -1;
  for (const [enc, n] of layouts) {
    if (n > count) {
      best = enc;
      count = n;
    }
  }
  return best;
}

/**
 * Decides the table-2 format from its columns and rows: any 2019-only column or row means the 2019
 * format; the 2019 row label `规范性文件` does too, unless the columns are the 2021 ones (then it is a
 * wording matter of a 2021 table).
 */
function detectTable2Format(source: LineSource, from: number, to: number): { format: FormatVersion; markers: Cell[] } {
  const markers: Cell[] = [];
  const oldLabels: Cell[] = [];
  let columns2021 = false;
  for (let line = from; line <= to; line++) {
    for (const cell of source(line).cells) {
      if (cell.kind !== 'text') continue;
      const key = normalizeLabel(cell.text);
      if (TABLE2_2019_MARKER_KEYS.has(key)) markers.push(cell);
      else if (key === '规范性文件') oldLabels.push(cell);
      else if (TABLE2_2021_COLUMN_KEYS.has(key)) columns2021 = true;
    }
  }
  if (!columns2021 || markers.length > 0) markers.push(...oldLabels);
  markers.sort((a, b) => a.line - b.line || a.start - b.start);
  return { format: markers.length > 0 ? '2019' : '2021', markers };
}
const TABLE2_2021_COLUMN_KEYS = new Set(TABLE2_2021_COLUMN_MARKERS.map(normalizeLabel));

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Glued labels: `…申请数量21710000218`, `行政许可0`: the label matches once its digits are cut off. */
const GLUED_RE = /^(.*[^\d\s.,])(\d+(?:\.\d+)?)$/;

function splitGlued(p: PreparedTable, cell: Cell): { label: Cell; digits: Cell } | undefined {
  // GLUED_RE needs an ASCII digit at the end: most labels are rejected without running it.
  const text = cell.text;
  if (text.length < 2 || !isAsciiDigit(text.charCodeAt(text.length - 1))) return undefined;
  const [, labelText, digitText] = GLUED_RE.exec(text) ?? [];
  // Both groups take part in every match: undefined only when there is none.
  if (labelText === undefined || digitText === undefined) return undefined;
  const label: Cell = { text: labelText, line: cell.line, start: cell.start, end: cell.start + labelText.length, kind: 'text' };
  if (!matchRow(p, [label], -1)) return undefined;
  const digits: Cell = { text: digitText, line: cell.line, start: label.end, end: cell.end, kind: 'number', value: Number(digitText) };
  if (digitText.includes('.')) digits.decimal = true;
  return { label, digits };
}

/**
 * Empty lines that are empty cells of a one-cell-per-line table: between a row's label line and the
 * next label line stand exactly as many lines as the row has columns, numbers and empty lines (Word or a
 * web page saved as text writes an empty cell as an empty line). Undefined when there are none.
 */
function blankLineCells(p: PreparedTable, source: LineSource, from: number, to: number): Set<number> | undefined {
  let out: Set<number> | undefined;
  for (let line = from; line <= to; line++) {
    const label = onlyCell(source(line));
    if (label?.kind !== 'text' || line + 1 > to) continue;
    // Only a label followed by an empty line or a lone number may start such a row (the cheap test first).
    const next = source(line + 1);
    if (next.layout !== 'blank' && !(next.layout === 'single' && next.cells[0]?.kind === 'number')) continue;
    const match = matchRow(p, [label], -1);
    if (!match) continue;
    const columns = match.row.columns.length;
    // The row's lines: up to its last number (blank lines after it separate rows).
    const blanks: number[] = [];
    let lastNumber = -1;
    let j = line + 1;
    for (; j <= to && j - line <= columns + 2; j++) {
      const t = source(j);
      const value = onlyCell(t);
      if (t.layout === 'blank') blanks.push(j);
      else if (value?.kind === 'number' || value?.kind === 'placeholder') lastNumber = j;
      else break;
    }
    if (lastNumber - line === columns) {
      const inner = blanks.filter((b) => b < lastNumber);
      if (inner.length > 0) {
        out ??= new Set();
        for (const b of inner) out.add(b);
      }
    }
    line = j - 1;
  }
  return out;
}

/** The cell of a one-cell-per-line line; undefined for any other line. */
function onlyCell(tok: TokenizedLine): Cell | undefined {
  return tok.layout === 'single' && tok.cells.length === 1 ? tok.cells[0] : undefined;
}

/** Marks the cells of a run that cannot be split as one unreadable cell each. */
function asGlued(cells: readonly Cell[]): Cell[] {
  return cells.map((c) => ({ text: c.text, line: c.line, start: c.start, end: c.end, kind: 'glued' }));
}

/**
 * Reads a labelled table (table 2 or 3) from lines [from, to]. Table 2 stops early where table 3
 * starts without the heading of section 三.
 */
export function readLabelledTable(id: 'table2' | 'table3', source: LineSource, from: number, to: number): TableModel | undefined {
  let format: FormatVersion = '2021';
  let legacyMarkers: Cell[] = [];
  if (id === 'table2') {
    // Table 2 ends where table 3 begins when the heading of section 三 is missing.
    for (let line = from; line <= to; line++) {
      if (source(line).cells.some((c) => c.kind === 'text' && normalizeLabel(c.text).startsWith(TABLE3_START_KEY))) {
        to = line - 1;
        break;
      }
    }
    ({ format, markers: legacyMarkers } = detectTable2Format(source, from, to));
  }
  const template = tableTemplate(id, format);
  const p = prepare(template);
  const maxColumns = Math.max(...template.rows.map((r) => r.columns.length));

  const raw: RawRow[] = [];
  const gluedCells: Cell[] = [];
  const layouts = new Map<TableEncoding, number>();
  let sawSeparator = false;
  let pendingLabels: Cell[] = [];
  let current: RawRow | undefined;
  let lastIndex = -1;
  let firstLine = -1;
  let lastLine = -1;

  const columnsOf = (row: RawRow) => row.template?.columns.length ?? maxColumns;

  const finish = () => {
    if (current) raw.push(current);
    current = undefined;
  };

  const startRow = (line: number): RawRow => {
    const labels = pendingLabels;
    pendingLabels = [];
    const row: RawRow = {
      labels: [],
      values: [],
      trailingEmpties: [],
      leadingEmpties: [],
      leadingEmptiesInColumns: false,
      firstValueLine: line,
      lineBound: false,
      // Every property set here, in one order, even those filled in later: one object shape for every row.
      template: undefined,
      index: -1,
      labelMissing: false,
      fuzzy: false,
      viaGroup: undefined,
      gluedRun: false,
      displaced: undefined,
      placed: undefined,
    };
    const match = labels.length > 0 ? matchRow(p, labels, lastIndex) : undefined;
    if (match) {
      row.template = match.row;
      row.index = match.index;
      row.labels = match.cells;
      row.fuzzy = match.fuzzy;
    } else {
      // A group label right before the numbers (`(三) 不予公开  0 0 …`): its first sub-row, label lost.
      let groupCell: Cell | undefined;
      let group: GroupTemplate | undefined;
      // The last label that names a group.
      for (const label of labels) {
        const named = matchGroup(p, normalizeLabel(label.text));
        if (named) {
          group = named;
          groupCell = label;
        }
      }
      const firstOfGroup = group && id === 'table3' ? template.rows.findIndex((r) => r.id === group.rows[0]) : -1;
      if (group && groupCell && firstOfGroup >= 0) {
        row.index = firstOfGroup;
        row.viaGroup = group.id;
        row.labels = [groupCell];
      } else {
        row.index = lastIndex + 1;
      }
      row.template = template.rows[row.index];
      row.labelMissing = true;
    }
    if (row.template) lastIndex = Math.max(lastIndex, row.index);
    return row;
  };

  /** Normalised labels of each row's first value column (`自然人`, `本年制发件数`…): a header line naming one shows where values start. */
  const firstColumnKeys = new Set(template.rows.map((r) => normalizeLabel(r.columns[0]?.label ?? '')));
  /** The index among a line's cells of the first value column, from the last header line that named it. */
  let headerValueStart: { layout: LineLayout; index: number } | undefined;
  const namesRowOrGroup = (labels: Cell[]): boolean => {
    if (matchRow(p, labels, lastIndex) !== undefined) return true;
    const last = labels.at(-1);
    return last !== undefined && matchGroup(p, normalizeLabel(last.text)) !== undefined;
  };

  const blankCells = blankLineCells(p, source, from, to);
  for (let line = from; line <= to; line++) {
    const tok = source(line);
    if (tok.layout === 'separator') {
      sawSeparator = true;
      continue;
    }
    if (tok.layout === 'blank') {
      // One cell per line, an empty cell written as an empty line.
      if (blankCells?.has(line)) {
        if (!current || current.values.length >= columnsOf(current) || pendingLabels.length > 0) {
          finish();
          current = startRow(line);
        }
        if (current.values.length === 0) current.firstValueLine = line;
        current.values.push({ text: '', line, start: 0, end: 0, kind: 'empty' });
        if (firstLine < 0) firstLine = line;
        lastLine = line;
      }
      continue;
    }
    const cells = tok.cells;
    const withEmpties = LAYOUTS_WITH_EMPTIES.has(tok.layout);
    // The tokenizer reads a tab line's first leading tab as indentation: one column more than its cells show.
    const firstCell = cells[0];
    const columnOffset = tok.layout === 'tab' && firstCell !== undefined && firstCell.start > 0 ? 1 : 0;
    if (tok.layout === 'tab' || tok.layout === 'markdown') {
      const k = cells.findIndex((c) => c.kind === 'text' && firstColumnKeys.has(normalizeLabel(c.text)));
      if (k >= 0) headerValueStart = { layout: tok.layout, index: k + columnOffset };
    }
    let nonEmpty = 0;
    for (const c of cells) if (c.kind !== 'empty') nonEmpty++;
    let valuesOnLine = 0;
    let labelsOnLine = 0;
    // Empty cells since the last label on this line, with their index among the line's cells.
    let leadingEmpties: { cell: Cell; index: number }[] = [];
    let ci = -1;
    for (const lineCell of cells) {
      ci++;
      let cell = lineCell;
      if (cell.kind === 'empty') {
        if (current && current.values.length > 0 && current.firstValueLine === line) current.trailingEmpties.push(cell);
        else if (withEmpties) leadingEmpties.push({ cell, index: ci + columnOffset });
        continue;
      }
      if (cell.kind === 'text') {
        const glued = splitGlued(p, cell);
        if (glued) {
          if (current && current.values.length > 0) finish();
          pendingLabels.push(glued.label);
          current = startRow(line);
          current.values.push(glued.digits);
          current.gluedRun = true;
          if (firstLine < 0) firstLine = line;
          lastLine = line;
          finish();
          labelsOnLine++;
          leadingEmpties = [];
          continue;
        }
        const valueLike = isValueLikeText(p, cell);
        // Text in value position: a row already has some of its numbers on this line,
        // or a short non-label with digits between numbers (`12件`).
        const inValuePosition =
          current !== undefined &&
          current.values.length > 0 &&
          current.values.length < columnsOf(current) &&
          (current.firstValueLine === line || valueLike || /\d/.test(cell.text)) &&
          !isKnownLabel(p, normalizeLabel(cell.text));
        // Or the first cell of a row, right after its label: `（一）予以公开 | 15件 | 2 | …`.
        const firstOfRow = !inValuePosition && valueLike && pendingLabels.length > 0 && namesRowOrGroup(pendingLabels);
        if (!inValuePosition && !firstOfRow) {
          if (current && current.values.length > 0) finish();
          pendingLabels.push(cell);
          labelsOnLine++;
          if (pendingLabels.length > 12) pendingLabels.shift();
          leadingEmpties = [];
          continue;
        }
        cell = { ...cell };
      }
      // A value cell.
      const full = current !== undefined && current.values.length + current.trailingEmpties.length >= columnsOf(current);
      const newLineOfRow = current !== undefined && current.lineBound && current.firstValueLine !== line;
      if (!current || full || newLineOfRow || (pendingLabels.length > 0 && current.values.length > 0)) {
        finish();
        current = startRow(line);
        // Empty cells between the label and this first value: a blank first cell, or merged label columns.
        // A header line naming the first value column tells them apart; without one, toRowModel decides.
        const header = headerValueStart?.layout === tok.layout ? headerValueStart : undefined;
        if (header) {
          current.leadingEmpties = leadingEmpties.filter((e) => e.index >= header.index).map((e) => e.cell);
          current.leadingEmptiesInColumns = true;
        } else if (tok.layout !== 'tab') {
          current.leadingEmpties = leadingEmpties.map((e) => e.cell);
        }
      }
      leadingEmpties = [];
      if (current.values.length === 0) current.firstValueLine = line;
      // Empties between two values on a line are missing cells.
      if (current.trailingEmpties.length > 0) {
        current.values.push(...current.trailingEmpties);
        current.trailingEmpties = [];
      }
      current.values.push(cell);
      valuesOnLine++;
      if (firstLine < 0) firstLine = line;
      lastLine = line;
    }
    if (valuesOnLine > 0 || labelsOnLine > 0) {
      const enc = encodingOfLayout(tok.layout);
      if (enc && valuesOnLine > 0) layouts.set(enc, (layouts.get(enc) ?? 0) + 1);
    }
    // A line with a label and values, or several values, is a whole row (pipe, tab, spaces, Markdown).
    if (current && current.firstValueLine === line && valuesOnLine > 0 && (nonEmpty >= 2 || labelsOnLine > 0)) {
      current.lineBound = true;
      finish();
    }
    if (id === 'table3' && raw.at(-1)?.template?.id === 't3.carriedOut' && !current) break;
  }
  finish();
  mergeDisplaced(raw, columnsOf, source);

  const candidates = new Map<RowModel, SplitCandidate[]>();
  const encoding = dominantEncoding(layouts, sawSeparator);
  // The rows that name a template row (the others' numbers are stray).
  const read: { raw: RawRow; template: RowTemplate }[] = [];
  for (const r of raw) if (r.template) read.push({ raw: r, template: r.template });
  // pdftotext columns: a short row's blank cells are placed by the columns' positions in the other rows.
  const alignments =
    encoding === 'spaces'
      ? alignShortRows(
          read.map((r) => ({
            values: r.raw.displaced ? [...r.raw.displaced, ...r.raw.values] : r.raw.values,
            columns: r.template.columns.length,
          })),
          source,
        )
      : [];
  const rows: RowModel[] = [];
  for (let i = 0; i < read.length; i++) {
    const r = read[i];
    if (r === undefined) continue;
    const row = toRowModel(r.raw, r.template, gluedCells, candidates, alignments[i]);
    if (row) rows.push(row);
  }
  if (candidates.size > 0) chooseByColumns(id, rows, candidates, gluedCells);
  if (rows.length === 0 && gluedCells.length === 0) return undefined;
  if (id === 'table3') resolveOtherHandling(rows, legacyMarkers);
  let start = firstLine;
  let end = lastLine;
  for (const r of rows) {
    for (const cells of [r.labels, r.rawCells]) {
      for (const c of cells) {
        if (start < 0 || c.line < start) start = c.line;
        if (c.line > end) end = c.line;
      }
    }
  }
  const strayNumbers = raw.filter((r) => !r.template).flatMap((r) => r.values);
  return {
    id,
    format: legacyMarkers.length > 0 ? '2019' : format,
    encoding,
    startLine: Math.max(start, from),
    endLine: Math.max(end, start),
    rows,
    legacyMarkers,
    strayNumbers,
    gluedCells,
  };
}

function toRowModel(
  r: RawRow,
  template: RowTemplate,
  gluedCells: Cell[],
  candidates: Map<RowModel, SplitCandidate[]>,
  alignment: Alignment | undefined,
): RowModel | undefined {
  const n = template.columns.length;
  let values = r.values.slice(0, n);
  // A row short of cells whose line has empty cells before its first value: the first columns are the blank
  // ones (`| （一）予以公开 | | 2 | … | 18 |`) when the header shows they are value columns, or when no empty
  // cell follows the values (a tab line's empties before the values may be merged label columns: header only).
  if (r.leadingEmpties.length > 0 && values.length < n && (r.leadingEmptiesInColumns || r.trailingEmpties.length === 0)) {
    const k = Math.min(r.leadingEmpties.length, n - values.length);
    values = [...r.leadingEmpties.slice(r.leadingEmpties.length - k), ...values];
  }
  let glued = false;
  let unaligned = false;
  let splits: SplitCandidate[] | undefined;
  // Digits run together (`规章000`, `0 0 0 0 0 00`): split where only one split fits, else one unreadable cell.
  // Only a row short of cells can hold a run (the common full row is not looked at again).
  const tokens = r.values.length < n && !r.displaced ? digitTokens(r.values) : undefined;
  if (r.displaced) {
    // Numbers moved out of the row: placed by the columns' positions (pdftotext), else in no column.
    if (r.placed) values = r.placed;
    else if (alignment?.kind === 'aligned') values = alignment.cells;
    else {
      unaligned = true;
      values = [...r.displaced, ...values];
    }
  } else if (
    tokens &&
    looksRunTogether(
      r.values,
      tokens,
      n,
      r.gluedRun === true,
      template.columns.some((c) => c.total),
    )
  ) {
    const split = splitRuns(tokens, n, rowCheck(template.id));
    if (split.kind === 'split') values = split.cells;
    else {
      glued = true;
      splits = split.candidates;
    }
  } else if (r.gluedRun && n > 1) glued = true;
  else if (alignment?.kind === 'aligned') values = alignment.cells;
  else if (alignment?.kind === 'uncertain') unaligned = true;
  if (glued) {
    values = asGlued(r.values);
    gluedCells.push(...values);
  }
  // Pad with the row's own trailing empty cells (tab/pipe rows), then nothing.
  for (const e of r.trailingEmpties) {
    if (glued || values.length >= n) break;
    values.push(e);
  }
  const cells: (Cell | undefined)[] = [];
  for (let i = 0; i < n; i++) cells.push(glued || unaligned ? undefined : values[i]);
  const rawCells = values;
  // A row is started by its first value: it always has a cell to point at (else it is no row).
  const anchor = rawCells[0] ?? r.labels[0];
  if (anchor === undefined) return undefined;
  const row: RowModel = { id: template.id, labels: r.labels, labelMissing: r.labelMissing, cells, rawCells, anchor };
  if (unaligned) row.unaligned = true;
  if (r.fuzzy) row.fuzzyLabel = true;
  if (r.viaGroup) row.viaGroup = r.viaGroup;
  if (r.displaced) row.displaced = r.displaced;
  if (splits) candidates.set(row, splits);
  return row;
}

/**
 * A row whose run of digits splits several ways by its own total: the table's column relations (table 3's
 * results total and balance; table 2 has none) choose, when every other number they need is read and
 * exactly one split satisfies them all.
 */
function chooseByColumns(id: 'table2' | 'table3', rows: RowModel[], candidates: Map<RowModel, SplitCandidate[]>, gluedCells: Cell[]): void {
  // The rows as read so far, on the 2021 template (a 2019 （六） is told apart later, by resolveOtherHandling).
  const view: RowsOf = { id, format: '2021', rows };
  const columnRelations = relationsOf(view).filter((r) => r.axis === 'column');
  if (columnRelations.length === 0) return;
  const byId = new Map<string, RowModel>();
  for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, r);
  for (const [row, splits] of candidates) {
    if (byId.get(row.id) !== row) continue;
    // The column relations this row takes part in (（七）总计, the balance), in every column.
    const relations = columnRelations.filter((r) => involvesRow(r, row.id));
    if (relations.length === 0) continue;
    const fits = splits.filter((split) => {
      let checked = 0;
      for (const relation of relations) {
        // The split's numbers stand for the row's cells (what the relations read of a cell is its number).
        const holds = evaluate(view, relation, { assume: (ref) => (ref.row === row.id ? split.values[ref.column] : undefined) }).holds;
        if (holds === false) return false;
        if (holds) checked++;
      }
      return checked > 0;
    });
    const [fit] = fits;
    if (fits.length !== 1 || fit === undefined) continue;
    const chosen = cellsOf(fit);
    const anchor = chosen[0];
    if (anchor === undefined) continue;
    for (const c of row.rawCells) {
      const k = gluedCells.indexOf(c);
      if (k >= 0) gluedCells.splice(k, 1);
    }
    row.rawCells = chosen;
    row.cells = chosen.slice();
    row.anchor = anchor;
  }
}

/**
 * （六）其他处理 on the 2021 format has three sub-rows. Written as one row of numbers
 * right after its group label, it is the 2019 format's single row.
 */
function resolveOtherHandling(rows: RowModel[], legacyMarkers: Cell[]): void {
  const first = rows.find((r) => r.id === 't3.otherHandling.1');
  if (!first || first.viaGroup !== 't3.otherHandling') return;
  if (rows.some((r) => r.id === 't3.otherHandling.2' || r.id === 't3.otherHandling.3')) return;
  first.id = 't3.otherHandling';
  first.legacySingle = true;
  first.labelMissing = false;
  // On the 2019 format the group label is the row's own label, and the mark of that format.
  legacyMarkers.push(first.labels[0] ?? first.anchor);
}

/** Digits only, too many to be one count (the tokenizer left it text): the row's numbers run together. */
function isDigitRun(c: Cell): boolean {
  return c.kind === 'text' && /^\d+$/.test(c.text);
}

const TABLE4_GLUED_RE = /^(.*[^\d\s.,])(\d+)$/;
const TABLE4_HEADER_KEYS = TABLE4.headers.map(normalizeLabel);

/** Reads table 4: the first 15 values after the headers of section 四. */
export function readReviewTable(source: LineSource, from: number, to: number): TableModel | undefined {
  const columns = TABLE4_ROW.columns.length;
  const p = prepare(TABLE4);
  const values: Cell[] = [];
  const labels: Cell[] = [];
  const layouts = new Map<TableEncoding, number>();
  let sawSeparator = false;
  let firstLine = -1;
  let lastLine = -1;
  let glued = false;
  for (let line = from; line <= to && values.length < columns; line++) {
    const tok = source(line);
    if (tok.layout === 'separator') {
      sawSeparator = true;
      continue;
    }
    const isValue = (cell: Cell) => isValueCell(cell) || isValueLikeText(p, cell);
    // One cell per line: text like a number is the first value when the next line starts with a number.
    const numbersFollow = (at: number): boolean => {
      for (let next = at + 1; next <= to; next++) {
        const first = source(next).cells[0];
        if (first) return isValueCell(first);
      }
      return false;
    };
    // A line whose cells after its labels are exactly the missing values, empties included
    // (`| | 2 | 0 | … |`): its leading empty cells are blank values, not merged headers.
    let leadFrom = -1;
    const lineCells = tok.cells;
    if (LAYOUTS_WITH_EMPTIES.has(tok.layout) && lineCells.some(isValueCell)) {
      let end = lineCells.length;
      while (end > 0 && lineCells[end - 1]?.kind === 'empty') end--;
      let start = end;
      for (; start > 0; start--) {
        const before = lineCells[start - 1];
        if (before === undefined || (before.kind !== 'empty' && !isValue(before))) break;
      }
      if (end - start === columns - values.length && lineCells[start]?.kind === 'empty') leadFrom = start;
    }
    let pendingEmpties: Cell[] = [];
    let valuesOnLine = 0;
    let ci = -1;
    for (const cell of lineCells) {
      ci++;
      if (values.length >= columns) break;
      if (
        isValue(cell) &&
        (isValueCell(cell) || isDigitRun(cell) || values.length > 0 || leadFrom >= 0 || lineCells.some(isValueCell) || numbersFollow(line))
      ) {
        if (valuesOnLine > 0) values.push(...pendingEmpties.slice(0, columns - values.length));
        pendingEmpties = [];
        if (values.length < columns) values.push(cell);
        valuesOnLine++;
        if (firstLine < 0) firstLine = line;
        lastLine = line;
      } else if (cell.kind === 'empty') {
        if (leadFrom >= 0 && ci >= leadFrom && valuesOnLine === 0) {
          values.push(cell);
          valuesOnLine++;
          if (firstLine < 0) firstLine = line;
          lastLine = line;
        } else pendingEmpties.push(cell);
      } else if (values.length === 0) {
        // The headers with the numbers glued to them (`…尚未审结总计000000000000000`).
        // Both groups take part in every match: undefined only when there is none.
        const [, header, digits] = TABLE4_GLUED_RE.exec(cell.text) ?? [];
        if (header !== undefined && digits !== undefined && TABLE4_HEADER_KEYS.some((h) => normalizeLabel(header).endsWith(h))) {
          const at = cell.start + header.length;
          labels.push({ text: header, line: cell.line, start: cell.start, end: at, kind: 'text' });
          values.push({ text: digits, line: cell.line, start: at, end: cell.end, kind: 'number', value: Number(digits) });
          glued = true;
          pendingEmpties = [];
          valuesOnLine++;
          if (firstLine < 0) firstLine = line;
          lastLine = line;
        } else labels.push(cell);
      }
    }
    // Trailing empty cells of a data line are missing values (`0 | 0 | |`).
    if (valuesOnLine > 1) values.push(...pendingEmpties.slice(0, columns - values.length));
    const enc = encodingOfLayout(tok.layout);
    if (enc && valuesOnLine > 0) layouts.set(enc, (layouts.get(enc) ?? 0) + 1);
  }
  const [firstValue] = values;
  if (firstValue === undefined) return undefined;
  let read: Cell[] = values;
  let unsplit = false;
  const tokens = values.length < columns ? digitTokens(values) : undefined;
  if (tokens && looksRunTogether(values, tokens, columns, glued, true)) {
    const split = splitRuns(tokens, columns, rowCheck(TABLE4_ROW.id));
    if (split.kind === 'split') read = split.cells;
    else unsplit = true;
  } else if (glued && values.length < columns) unsplit = true;
  const encoding = dominantEncoding(layouts, sawSeparator);
  let unaligned = false;
  if (!unsplit && encoding === 'spaces' && read === values && values.length < columns) {
    // pdftotext columns: the blank cells are placed by the header's column positions, when it shows them.
    const headerLines: number[] = [];
    for (let line = from; line < firstValue.line; line++) if (source(line).layout !== 'blank') headerLines.push(line);
    const [alignment] = alignShortRows([{ values, columns }], source, headerLines);
    if (alignment?.kind === 'aligned') read = alignment.cells;
    else if (alignment?.kind === 'uncertain') unaligned = true;
  }
  if (unsplit) read = asGlued(values);
  const cells: (Cell | undefined)[] = [];
  for (let i = 0; i < columns; i++) cells.push(unsplit || unaligned ? undefined : read[i]);
  const row: RowModel = { id: TABLE4_ROW.id, labels: [], labelMissing: false, cells, rawCells: read, anchor: read[0] ?? firstValue };
  if (unaligned) row.unaligned = true;
  return {
    id: 'table4',
    format: '2021',
    encoding,
    startLine: firstLine,
    endLine: lastLine,
    rows: [row],
    legacyMarkers: [],
    strayNumbers: [],
    gluedCells: unsplit ? read : [],
  };
}

export function templateOf(table: TableModel): TableTemplate {
  return tableTemplate(table.id as TableId, table.format);
}
