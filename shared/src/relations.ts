// The one evaluator of the table relations (template.ts: row totals, （七）总计, the balance, table-4
// groups). Given a table and a relation: the cells of its terms and their values, the sum, the terms
// that have no number, and the value one unknown cell must hold for the relation to hold. The rules
// (arithmetic.ts), the hover, the fills (cell-missing, the fix builders), the narrative cross-check and
// the reader's choice between splits of run-together digits all ask it; none adds up cells itself.

import type { Cell, RowModel, TableModel } from './model';
import { numberOf, tidy } from './numbers';
import { TABLE3_2019, TABLE3_2021, TABLE4, tableTemplate, type CellRef, type Relation, type RelationTerm } from './template';

export interface EvaluatedTerm {
  term: RelationTerm;
  /** The cell in the table; undefined when its row is absent or ran short. */
  cell: Cell | undefined;
  /** Its number; undefined when the cell is missing, blank, a placeholder or not a number. */
  value: number | undefined;
}

export interface Evaluation {
  relation: Relation;
  /** The total's cell and its number (undefined when missing or not a number). */
  totalCell: Cell | undefined;
  actual: number | undefined;
  terms: EvaluatedTerm[];
  /** The terms without a number: while there is one, there is no sum. */
  missing: EvaluatedTerm[];
  /** Σ sign × value, rounded to the precision written (tidy); undefined when a term is missing. */
  sum: number | undefined;
  /** Does the total equal the sum? undefined when either is unknown. */
  holds: boolean | undefined;
}

export interface EvaluateOptions {
  /** A row that stands for its id instead of the table's first row with that id (a repeated row under the cursor). */
  row?: RowModel;
  /** A value to use for a cell instead of the table's (undefined: read the table), e.g. cells a fix fills with 0. */
  assume?: (ref: CellRef) => number | undefined;
  /** The cell to use instead of the table's (undefined: read the table), e.g. a candidate split of a row. */
  cell?: (ref: CellRef) => Cell | undefined;
}

/** The relations of a table's template (none for table 2). */
export function relationsOf(table: Pick<TableModel, 'id' | 'format'>): readonly Relation[] {
  return tableTemplate(table.id, table.format).relations;
}

/** The rows of a table the relations read: `rows` as the reader holds them before the table is built. */
export type RowsOf = Pick<TableModel, 'id' | 'format' | 'rows'>;

/**
 * A table's first row per id (a repeated row is read but not used twice), computed once per table object
 * and number of rows. The reader, which still changes its rows, asks with a view of its own each time.
 */
const rowMaps = new WeakMap<RowsOf, { length: number; byId: Map<string, RowModel> }>();

function firstRows(table: RowsOf): Map<string, RowModel> {
  let entry = rowMaps.get(table);
  if (!entry || entry.length !== table.rows.length) {
    const byId = new Map<string, RowModel>();
    for (const r of table.rows) if (!byId.has(r.id)) byId.set(r.id, r);
    entry = { length: table.rows.length, byId };
    rowMaps.set(table, entry);
  }
  return entry.byId;
}

export function evaluate(table: RowsOf, relation: Relation, options: EvaluateOptions = {}): Evaluation {
  const rows = firstRows(table);
  const own = options.row;
  const rowOf = (id: string) => (own && own.id === id ? own : rows.get(id));
  const read = (ref: CellRef): { cell: Cell | undefined; value: number | undefined } => {
    const cell = options.cell?.(ref) ?? rowOf(ref.row)?.cells[ref.column];
    const assumed = options.assume?.(ref);
    return { cell, value: assumed ?? numberOf(cell) };
  };
  const total = read(relation.total);
  const terms: EvaluatedTerm[] = [];
  const missing: EvaluatedTerm[] = [];
  let sum = 0;
  for (const term of relation.terms) {
    const t = { term, ...read(term.cell) };
    terms.push(t);
    if (t.value === undefined) missing.push(t);
    else sum = sum + term.sign * t.value;
  }
  const known = missing.length === 0 ? tidy(sum) : undefined;
  return {
    relation,
    totalCell: total.cell,
    actual: total.value,
    terms,
    missing,
    sum: known,
    holds: known === undefined || total.value === undefined ? undefined : known === total.value,
  };
}

/**
 * evaluate(table, relation).holds without building the evaluation: does the total equal the sum of the
 * terms (undefined when either is unknown)? The rules ask it of every relation and build the evaluation
 * only for the few that fail (a report's table 3 has about a hundred relations).
 */
export function relationHolds(table: RowsOf, relation: Relation): boolean | undefined {
  const rows = firstRows(table);
  const actual = numberOf(rows.get(relation.total.row)?.cells[relation.total.column]);
  let sum = 0;
  for (const term of relation.terms) {
    const value = numberOf(rows.get(term.cell.row)?.cells[term.cell.column]);
    if (value === undefined) return undefined;
    sum = sum + term.sign * value;
  }
  return actual === undefined ? undefined : tidy(sum) === actual;
}

const sameCell = (a: CellRef, b: CellRef) => a.row === b.row && a.column === b.column;

/**
 * The value the cell `ref` (the total or one term) must hold for the relation to hold, from every other
 * cell of it; undefined when one of those has no number or `ref` is not in the relation.
 */
export function expectedAt(ev: Evaluation, ref: CellRef): number | undefined {
  if (sameCell(ev.relation.total, ref)) return ev.sum;
  const unknown = ev.terms.find((t) => sameCell(t.term.cell, ref));
  if (!unknown || ev.actual === undefined) return undefined;
  let others = 0;
  for (const t of ev.terms) {
    if (t === unknown) continue;
    if (t.value === undefined) return undefined;
    others = others + t.term.sign * t.value;
  }
  return tidy(unknown.term.sign * (ev.actual - others));
}

/** The relation whose total is the cell (row id, column), of the given axis when asked. */
export function relationWithTotal(
  table: Pick<TableModel, 'id' | 'format'>,
  row: string,
  column: number,
  axis?: Relation['axis'],
): Relation | undefined {
  return relationsOf(table).find((r) => r.total.row === row && r.total.column === column && (!axis || r.axis === axis));
}

/** Does the relation involve a cell of this row (as its total or a term), in this column when one is given? */
export function involvesRow(relation: Relation, row: string, column?: number): boolean {
  const hit = (ref: CellRef) => ref.row === row && (column === undefined || ref.column === column);
  return hit(relation.total) || relation.terms.some((t) => hit(t.cell));
}

/** The relations within one row (its 总计, table 4's groups) by row id, over every template (2021 first). */
const ROW_RELATIONS = new Map<string, Relation[]>();
for (const template of [TABLE3_2021, TABLE3_2019, TABLE4]) {
  const own = new Map<string, Relation[]>();
  for (const r of template.relations) if (r.axis === 'row') own.set(r.total.row, [...(own.get(r.total.row) ?? []), r]);
  for (const [row, relations] of own) if (!ROW_RELATIONS.has(row)) ROW_RELATIONS.set(row, relations);
}

/**
 * The relations within a row, on its numbers in column order as far as they are known (`values[k]` is
 * column k): false when one whose cells are all there fails. What a split of run-together digits must
 * satisfy, asked for every prefix while the split is searched (numbers only, no cells: it runs often).
 */
export function rowCheck(rowId: string): (values: readonly number[]) => boolean {
  const relations = (ROW_RELATIONS.get(rowId) ?? []).map((r) => ({
    total: r.total.column,
    terms: r.terms.map((t) => ({ column: t.cell.column, sign: t.sign })),
    last: Math.max(r.total.column, ...r.terms.map((t) => t.cell.column)),
  }));
  if (relations.length === 0) return () => true;
  return (values) => {
    for (const r of relations) {
      if (values.length <= r.last) continue;
      let sum = 0;
      for (const t of r.terms) {
        // Every column up to r.last is there (the test above); a missing one fails the relation.
        const v = values[t.column];
        if (v === undefined) return false;
        sum = sum + t.sign * v;
      }
      if (tidy(sum) !== values[r.total]) return false;
    }
    return true;
  };
}
