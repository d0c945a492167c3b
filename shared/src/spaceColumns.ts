// pdftotext columns (`spaces`): a blank cell is only a wider run of spaces, so a row short of numbers does not
// say which of its cells is blank. The other rows of the table do: their numbers stand at the columns'
// positions. A short row's numbers are put in the columns they stand under, and its blank cells become empty
// cells at the blank columns' positions. Where the positions do not tell (no aligned rows, a number between
// two columns, aligned rows that disagree), the row is uncertain: its numbers are in no column at all.
//
// Positions are measured two ways, and the table's own rows choose: pdftotext -layout counts one column per
// character (corpus 005), a text laid out by hand or by a monospace editor counts CJK characters as two.

import type { Cell } from './model';
import type { TokenizedLine } from './encodings';

type LineSource = (line: number) => TokenizedLine;

/** Where a cell stands: [from, to) in one metric. */
interface Span {
  from: number;
  to: number;
}

type Metric = 'chars' | 'display';
const METRICS: readonly Metric[] = ['chars', 'display'];

/** A row of the table as read: its value cells in order, and how many columns it has. */
export interface ReadRow {
  values: readonly Cell[];
  columns: number;
}

export type Alignment = { kind: 'aligned'; cells: Cell[] } | { kind: 'uncertain' };

/** A number stands in a column when its span is at most this far from the column's span. */
const NEAR = 1;
/**
 * Rows that agree on where the columns stand show it. A layout of a single full row (a two-row block of
 * table 2) is used only when no layout with as many columns has more rows.
 */
const MIN_AGREEING_ROWS = 2;

/** Display width of a code point: East Asian wide and full-width characters (and CJK punctuation) take two columns. */
function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2026 ||
    code >= 0x20000
    ? 2
    : 1;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

/** The span of `cell` (on a line whose tokens are `tok`) in a metric. */
function spanOf(tok: TokenizedLine, cell: Cell, metric: Metric): Span {
  let from = cell.start;
  if (metric === 'display') for (const d of tok.cells) if (d.end <= cell.start) from += displayWidth(d.text) - d.text.length;
  const width = metric === 'display' ? displayWidth(cell.text) : cell.end - cell.start;
  return { from, to: from + width };
}

/** The spans of `cells` (all on one line, whose tokens are `tok`) in a metric. */
function spansOf(tok: TokenizedLine, cells: readonly Cell[], metric: Metric): Span[] {
  return cells.map((cell) => spanOf(tok, cell, metric));
}

/** The UTF-16 offset on a line (tokens `tok`) of a position in a metric: inside the blanks it falls in, or the line's last cell's end. */
function offsetOf(tok: TokenizedLine, position: number, metric: Metric): number {
  let lastEnd = 0;
  let lastEndPosition = 0;
  for (const d of tok.cells) {
    const span = spanOf(tok, d, metric);
    if (span.from > position) return Math.min(d.start, lastEnd + (position - lastEndPosition));
    lastEnd = d.end;
    lastEndPosition = span.to;
  }
  // After the line's last cell: at its end (the line may stop there).
  return lastEnd;
}

const gap = (a: Span, b: Span): number => Math.max(0, a.from - b.to, b.from - a.to);

/** Does `b` stand near `a` (a missing `b` does not)? */
const isNear = (a: Span, b: Span | undefined): boolean => b !== undefined && gap(a, b) <= NEAR;

/**
 * The line a row's values stand on, when it is a line of space-separated columns: the one line of them all,
 * or (numbers a converter moved out of the row, alone on a line before it) the line of its last value.
 */
function lineOf(row: ReadRow, source: LineSource): number | undefined {
  const last = row.values.at(-1);
  if (!last || row.values.some((c) => c.kind === 'empty' || c.kind === 'glued')) return undefined;
  for (const c of row.values) if (c.line !== last.line && source(c.line).layout !== 'single') return undefined;
  return source(last.line).layout === 'spaces' ? last.line : undefined;
}

const onOneLine = (row: ReadRow): boolean => {
  const first = row.values[0];
  return row.values.every((c) => c.line === first?.line);
};

/** Each of a row's values with its span in a metric, measured on its own line. */
function measure(row: ReadRow, source: LineSource, metric: Metric): { span: Span; cell: Cell }[] {
  const first = row.values[0];
  if (!first) return [];
  if (onOneLine(row)) {
    const tok = source(first.line);
    return row.values.map((cell) => ({ span: spanOf(tok, cell, metric), cell }));
  }
  return row.values.map((cell) => ({ span: spanOf(source(cell.line), cell, metric), cell }));
}

/** Rows whose spans agree column by column: the hull of each column, and how many rows agree. */
interface Cluster {
  columns: Span[];
  rows: number;
}

/** Groups the full rows by where their columns stand (a table over two pages has two layouts). */
function clustersOf(full: readonly Span[][]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const spans of full) {
    const match = clusters.find((c) => c.columns.length === spans.length && c.columns.every((col, k) => isNear(col, spans[k])));
    if (!match) {
      clusters.push({ columns: spans.map((s) => ({ ...s })), rows: 1 });
      continue;
    }
    match.rows++;
    match.columns.forEach((col, k) => {
      // As many spans as columns: the match compared them one by one.
      const span = spans[k];
      if (!span) return;
      col.from = Math.min(col.from, span.from);
      col.to = Math.max(col.to, span.to);
    });
  }
  return clusters;
}

/** The column each value stands in, when each stands near exactly one column and they keep their order. */
function assign(values: readonly Span[], columns: readonly Span[]): number[] | undefined {
  const out: number[] = [];
  for (const v of values) {
    const near = columns.flatMap((col, k) => (gap(v, col) <= NEAR ? [k] : []));
    const [column] = near;
    const previous = out.at(-1);
    if (near.length !== 1 || column === undefined || (previous !== undefined && column <= previous)) return undefined;
    out.push(column);
  }
  return out;
}

/**
 * For each row short of cells whose values stand on one line of space-separated columns: its cells with the
 * blank ones placed (empty cells at their columns' positions), or uncertain. Other rows: undefined.
 * `headerLines`: the lines of the header, for a table with a single data row (table 4): their labels may show the columns.
 */
export function alignShortRows(
  rows: readonly ReadRow[],
  source: LineSource,
  headerLines: readonly number[] = [],
): (Alignment | undefined)[] {
  const lines = rows.map((r) => lineOf(r, source));
  // A row short of numbers, or whose numbers stand on several lines.
  const short = rows.map((r, i) => lines[i] !== undefined && (r.values.length < r.columns || !onOneLine(r)));
  if (!short.includes(true)) return rows.map(() => undefined);
  // The layouts of each metric, from the full rows; the metric under which more rows agree is the text's.
  const layouts = new Map<Metric, Cluster[]>();
  for (const metric of METRICS) {
    const full = rows.flatMap((r, i) => {
      const line = lines[i];
      return line !== undefined && !short[i] ? [spansOf(source(line), r.values, metric)] : [];
    });
    const clusters = clustersOf(full);
    const header = headerColumns(headerLines, source, metric);
    if (header) clusters.push({ columns: header, rows: MIN_AGREEING_ROWS });
    layouts.set(metric, clusters);
  }
  // How the text counts columns: the metric under which most full rows agree (both when as many).
  const agreeing = (metric: Metric, columns?: number) =>
    Math.max(0, ...layouts.get(metric)!.flatMap((c) => (columns === undefined || c.columns.length === columns ? [c.rows] : [])));
  const best = Math.max(...METRICS.map((m) => agreeing(m)));
  const metrics = METRICS.filter((m) => agreeing(m) === best && best > 0);
  /** The layouts a row of `columns` columns is placed by: those most rows agree on (a single row only when no more do). */
  const layoutsFor = (metric: Metric, columns: number): Cluster[] => {
    const most = Math.max(...metrics.map((m) => agreeing(m, columns)));
    return layouts.get(metric)!.filter((c) => c.columns.length === columns && c.rows >= Math.min(most, MIN_AGREEING_ROWS));
  };

  return rows.map((row, i) => {
    const line = lines[i];
    if (!short[i] || line === undefined) return undefined;
    const tok = source(line);
    const found = new Map<string, Cell[]>();
    for (const metric of metrics) {
      // In the order they stand in (numbers moved out of the row come first in the text, not in the row).
      const measured = measure(row, source, metric);
      if (!onOneLine(row)) measured.sort((a, b) => a.span.from - b.span.from);
      const spans = measured.map((m) => m.span);
      const values = measured.map((m) => m.cell);
      for (const layout of layoutsFor(metric, row.columns)) {
        const columns = assign(spans, layout.columns);
        if (!columns) continue;
        // Blank columns after the last number are left out: the row is cut short there, as in any encoding.
        // `columns` gives each value a column of the layout, in order: every value is placed before the columns run out.
        const cells: Cell[] = [];
        let k = 0;
        let v = 0;
        for (const column of layout.columns) {
          const value = values[v];
          if (value === undefined) break;
          if (columns[v] === k) {
            cells.push(value);
            v++;
          } else {
            const at = offsetOf(tok, column.from, metric);
            cells.push({ text: '', line, start: at, end: at, kind: 'empty' });
          }
          k++;
        }
        found.set(columns.join(','), cells);
      }
    }
    const [cells] = found.values();
    return found.size === 1 && cells ? { kind: 'aligned', cells } : { kind: 'uncertain' };
  });
}

/**
 * The columns a table's header lines show (a table with one data row has no other row to compare with):
 * the header labels' spans joined where they overlap; only when they make exactly as many columns as the
 * row has, counted by the caller.
 */
function headerColumns(headerLines: readonly number[], source: LineSource, metric: Metric): Span[] | undefined {
  if (headerLines.length === 0) return undefined;
  const spans: Span[] = [];
  for (const line of headerLines) {
    const tok = source(line);
    if (tok.cells.some((c) => c.kind !== 'text' || c.text.length > 16)) return undefined;
    spans.push(...spansOf(tok, tok.cells, metric));
  }
  spans.sort((a, b) => a.from - b.from);
  const joined: Span[] = [];
  for (const s of spans) {
    const last = joined[joined.length - 1];
    if (last && s.from - last.to <= NEAR) last.to = Math.max(last.to, s.to);
    else joined.push({ ...s });
  }
  return joined;
}
