// Rules on the arithmetic of tables 3 and 4: row totals, the results total, the balance
// 一 + 二 = （七）+ 四, and the table-4 group totals.
//
// One wrong number breaks every relation it takes part in. Before reporting, the checks
// of table 3 are explained together: when one cell accounts for a row total and a column
// relation by the same difference, only the finding that points at that cell is reported.

import type { Locale } from '../messages';
import type { Cell, RelatedInfo, ReportModel, RuleFinding, TableModel } from '../model';
import { evaluate, relationHolds, relationsOf, type Evaluation } from '../relations';
import { TABLE3_2019, TABLE3_2021, TABLE3_COLUMNS, TABLE4_GROUPS } from '../template';
import { defineRule, type Msg } from './rule';
import { tidy } from '../numbers';
import { cellRange, quoteRow, replaceCellFix } from './util';

interface Term {
  cell: Cell;
  value: number;
  name: string;
  sign: 1 | -1;
}

interface Violation {
  code: 'row-total' | 'results-total' | 'balance' | 'review-total';
  target: Cell;
  expected: number;
  actual: number;
  column: number;
  rowId: string;
  message: string;
  terms: Term[];
}

const TOTAL_COLUMN = TABLE3_COLUMNS.length - 1;

function related(terms: Term[], msg: Msg): RelatedInfo[] {
  return terms.map((t) => ({
    range: cellRange(t.cell),
    message: msg(t.sign < 0 ? 'related.minusTerm' : 'related.term', { name: t.name, value: t.value }),
  }));
}

/** What an arithmetic finding records: the cell, what it should be, what it is, the text its fix replaces. */
export type ArithmeticData = { row: string; column: number; expected: number; actual: number; replaced: string };

function toFinding(v: Violation, msg: Msg): RuleFinding<ArithmeticData> {
  const finding: RuleFinding<ArithmeticData> = {
    range: cellRange(v.target),
    message: v.message,
    related: related(v.terms, msg),
    data: { row: v.rowId, column: v.column, expected: v.expected, actual: v.actual, replaced: v.target.run ?? v.target.text },
  };
  // A count is never negative: a relation whose only repair is a negative number has no fix.
  if (v.expected >= 0) finding.fix = replaceCellFix(v.target, v.expected, msg);
  return finding;
}

/** A broken relation as a violation at its total (the caller checked `holds === false`). */
function violationOf(ev: Evaluation, message: (expected: number, actual: number, terms: Term[]) => string): Violation {
  const expected = ev.sum!;
  const actual = ev.actual!;
  const terms = ev.terms.map((t): Term => ({ cell: t.cell!, value: t.value!, name: t.term.name, sign: t.term.sign }));
  return {
    code: ev.relation.code,
    target: ev.totalCell!,
    expected,
    actual,
    column: ev.relation.total.column,
    rowId: ev.relation.total.row,
    message: message(expected, actual, terms),
    terms,
  };
}

/** The label of table 3's column `column`, which a relation of table 3 names: one of its columns (a bug otherwise). */
function table3ColumnLabel(column: number): string {
  const c = TABLE3_COLUMNS[column];
  if (!c) throw new RangeError(`no column ${column} in table 3`);
  return c.label;
}

function table3Violations(table: TableModel, msg: Msg): Violation[] {
  const rowTotals: Violation[] = [];
  const columnChecks: Violation[] = [];
  for (const relation of relationsOf(table)) {
    if (relationHolds(table, relation) !== false) continue;
    const ev = evaluate(table, relation);
    const column = table3ColumnLabel(relation.total.column);
    switch (relation.code) {
      case 'row-total': {
        const row = quoteRow(rowNameOf(relation.total.row));
        rowTotals.push(
          violationOf(ev, (expected, actual) =>
            expected >= 0 ? msg('row-total', { row, expected, actual }) : msg('row-total.negative', { row, sum: expected, actual }),
          ),
        );
        break;
      }
      case 'results-total':
        columnChecks.push(
          violationOf(ev, (expected, actual) =>
            expected >= 0
              ? msg('results-total', { column, expected, actual })
              : msg('results-total.negative', { column, sum: expected, actual }),
          ),
        );
        break;
      case 'balance':
        columnChecks.push(
          violationOf(ev, (expected, actual, terms) => {
            const [newRow, carriedIn, results] = terms;
            // The template's balance has these three terms (new + carried in − results): a bug otherwise.
            if (!newRow || !carriedIn || !results) throw new RangeError(`balance of column ${column}: ${terms.length} terms`);
            return expected >= 0
              ? msg('balance', { column, expected, new: newRow.value, carriedIn: carriedIn.value, results: results.value, actual })
              : msg('balance.negative', {
                  column,
                  new: newRow.value,
                  carriedIn: carriedIn.value,
                  inflow: tidy(newRow.value + carriedIn.value),
                  results: results.value,
                  actual,
                });
          }),
        );
        break;
    }
  }
  return explain(rowTotals, columnChecks, msg);
}

/**
 * Keeps the findings that point at the wrong cell. One wrong number breaks every relation it
 * takes part in; when one cell accounts for a row total and a column relation by the same
 * difference, a single finding at that cell replaces both:
 * - the column relation's own target (a wrong （七）总计 or 四 cell) also breaks its row total;
 * - a cell summed by both (a wrong 自然人 count of a result row) breaks its row total and
 *   the column relation: reported at that cell, as its row's `row-total`.
 * Relations of the same column that include an explained cell are not repeated; in the 总计
 * column, a relation that includes a total already reported is not repeated.
 */
function explain(rowTotals: Violation[], columnChecks: Violation[], msg: Msg): Violation[] {
  const byRow = new Map(rowTotals.map((v) => [v.rowId, v]));
  const suppressedRows = new Set<string>();
  const explained = new Set<Cell>();
  const kept: Violation[] = [];
  for (const v of columnChecks) {
    const cells = [v.target, ...v.terms.map((t) => t.cell)];
    if (v.column === TOTAL_COLUMN) {
      const involvesReportedTotal = cells.some((cell) => rowTotals.some((r) => r.target === cell));
      if (!involvesReportedTotal) kept.push(v);
      continue;
    }
    if (cells.some((cell) => explained.has(cell))) continue;
    const delta = v.actual - v.expected;
    const rowTotal = byRow.get(v.rowId);
    if (rowTotal && !suppressedRows.has(v.rowId) && rowTotal.actual - rowTotal.expected === -delta) {
      suppressedRows.add(v.rowId);
      explained.add(v.target);
      kept.push(v);
      continue;
    }
    const culprit = summedCulprit(v, rowTotals, suppressedRows, msg);
    if (culprit) {
      suppressedRows.add(culprit.rowId);
      explained.add(culprit.target);
      kept.push(culprit);
      continue;
    }
    explained.add(v.target);
    kept.push(v);
  }
  return [...rowTotals.filter((r) => !suppressedRows.has(r.rowId)), ...kept];
}

function rowNameOf(id: string): string {
  return [...TABLE3_2021.rows, ...TABLE3_2019.rows].find((r) => r.id === id)?.name ?? id;
}

/** A cell summed both by a broken row total and by the broken column relation `v`, by the same difference. */
function summedCulprit(v: Violation, rowTotals: Violation[], suppressedRows: Set<string>, msg: Msg): Violation | undefined {
  const delta = v.actual - v.expected;
  for (const row of rowTotals) {
    if (suppressedRows.has(row.rowId)) continue;
    const part = row.terms[v.column];
    const term = part && v.terms.find((t) => t.cell === part.cell);
    if (!term) continue;
    // The part is off by e: its row total is off by −e, the relation by sign × (−e).
    const rowDelta = row.actual - row.expected;
    if (delta !== term.sign * rowDelta) continue;
    const expected = tidy(term.value + rowDelta);
    // A count cannot be negative: this cell is not what went wrong (more than one number is).
    if (expected < 0) continue;
    const relationKey = v.code === 'balance' ? 'row-total.part.balance' : 'row-total.part.results';
    return {
      code: 'row-total',
      target: term.cell,
      expected,
      actual: term.value,
      column: v.column,
      rowId: row.rowId,
      message: msg('row-total.part', {
        row: quoteRow(rowNameOf(row.rowId)),
        column: table3ColumnLabel(v.column),
        expected,
        total: row.actual,
        relation: msg(relationKey, {}),
        actual: term.value,
      }),
      terms: [
        { cell: row.target, value: row.actual, name: msg('row-total.part.rowTotal', {}), sign: 1 },
        { cell: v.target, value: v.actual, name: v.code === 'balance' ? '四、结转下年度继续办理' : '（七）总计', sign: 1 },
      ],
    };
  }
  return undefined;
}

/** Table 3's violations, found once per model and language for its three rules. */
const cache = new WeakMap<ReportModel, Map<Locale, Violation[]>>();

function violations(model: ReportModel, locale: Locale, msg: Msg): Violation[] {
  let byLocale = cache.get(model);
  if (!byLocale) cache.set(model, (byLocale = new Map()));
  let v = byLocale.get(locale);
  if (!v) {
    v = model.tables.table3 ? table3Violations(model.tables.table3, msg) : [];
    byLocale.set(locale, v);
  }
  return v;
}

function table3Rule<const Code extends 'row-total' | 'results-total' | 'balance'>(code: Code, description: { zh: string; en: string }) {
  return defineRule({
    code,
    severity: 'error',
    description,
    arithmetic: true,
    preferred: true,
    check: (model, { locale, msg }) =>
      violations(model, locale, msg)
        .filter((v) => v.code === code)
        .map((v) => toFinding(v, msg)),
  });
}

export const rowTotal = table3Rule('row-total', {
  zh: '表三某行的总计不等于六类申请人之和',
  en: 'Table 3: 总计 is not the sum of the six applicant columns',
});
/** The README's line for `row-total` (generated into its table of finding codes). */
export const rowTotalDoc = 'table 3: 总计 ≠ the sum of the six applicant columns';

export const resultsTotal = table3Rule('results-total', {
  zh: '表三（七）总计不等于各项办理结果之和',
  en: 'Table 3: （七）总计 is not the sum of the results',
});
/** The README's line for `results-total` (generated into its table of finding codes). */
export const resultsTotalDoc = 'table 3: （七）总计 ≠ the sum of the results';

export const balance = table3Rule('balance', {
  zh: '表三不平衡：一 + 二 ≠ （七）+ 四',
  en: 'Table 3 does not balance: 一 + 二 ≠ （七） + 四',
});
/** The README's line for `balance` (generated into its table of finding codes). */
export const balanceDoc = 'table 3: 一 + 二 ≠ （七）+ 四';

export const reviewTotal = defineRule({
  code: 'review-total',
  severity: 'error',
  description: {
    zh: '表四行政复议、行政诉讼某组的总计不等于四项之和',
    en: 'Table 4: a group total is not the sum of its four results',
  },
  arithmetic: true,
  preferred: true,
  check(model, { msg }) {
    const table = model.tables.table4;
    if (!table) return [];
    const findings: RuleFinding<ArithmeticData>[] = [];
    relationsOf(table).forEach((relation, g) => {
      if (relationHolds(table, relation) !== false) return;
      const ev = evaluate(table, relation);
      // Table 4's relations are its groups', one for one, in order: a bug otherwise.
      const group = TABLE4_GROUPS[g]?.name;
      if (group === undefined) throw new RangeError(`no group ${g} in table 4`);
      findings.push(
        toFinding(
          violationOf(ev, (expected, actual, terms) =>
            msg(expected >= 0 ? 'review-total' : 'review-total.negative', {
              group,
              expected,
              terms: terms.map((x) => x.value).join(' + '),
              actual,
            }),
          ),
          msg,
        ),
      );
    });
    return findings;
  },
});

/** The README's line for `review-total` (generated into its table of finding codes). */
export const reviewTotalDoc = "table 4: a group's 总计 ≠ the sum of its four results";
