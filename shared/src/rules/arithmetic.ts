// Rules on the arithmetic of tables 3 and 4: row totals, the results total, the balance
// 一 + 二 = （七）+ 四, and the table-4 group totals.
//
// One wrong number breaks every relation it takes part in. Before reporting, the checks
// of table 3 are explained together: when one cell accounts for a row total and a column
// relation by the same difference, only the finding that points at that cell is reported.

import { msg } from '../messages';
import type { Cell, Finding, FindingCode, RelatedInfo, ReportModel, TableModel } from '../model';
import { TABLE3_2019, TABLE3_2021, TABLE3_COLUMNS, TABLE4_GROUPS, TABLE4_RESULT_COLUMNS } from '../template';
import type { Rule } from './rule';
import { cellRange, numberOf, quoteRow, replaceCellFix, rowsById, rowTemplateOf, templateOf, tidy } from './util';

interface Term {
  cell: Cell;
  value: number;
  name: string;
  sign: 1 | -1;
}

interface Violation {
  code: FindingCode;
  target: Cell;
  expected: number;
  actual: number;
  column: number;
  rowId: string;
  /** Built when the finding is made, in the language of that check (violations are cached per model). */
  message: () => string;
  terms: Term[];
}

const TOTAL_COLUMN = TABLE3_COLUMNS.length - 1;

function related(terms: Term[]): RelatedInfo[] {
  return terms.map((t) => ({
    range: cellRange(t.cell),
    message: msg(t.sign < 0 ? 'related.minusTerm' : 'related.term', { name: t.name, value: t.value }),
  }));
}

function toFinding(v: Violation): Finding {
  const finding: Finding = {
    code: v.code,
    severity: 'error',
    range: cellRange(v.target),
    message: v.message(),
    related: related(v.terms),
    data: { row: v.rowId, column: v.column, expected: v.expected, actual: v.actual, replaced: v.target.run ?? v.target.text },
  };
  // A count is never negative: a relation whose only repair is a negative number has no fix.
  if (v.expected >= 0) finding.fix = replaceCellFix(v.target, v.expected);
  return finding;
}

/** Collects the numbers of the given cells; undefined when one is missing or not a number. */
function termsOf(cells: { cell: Cell | undefined; name: string; sign?: 1 | -1 }[]): Term[] | undefined {
  const terms: Term[] = [];
  for (const c of cells) {
    const value = numberOf(c.cell);
    if (value === undefined) return undefined;
    terms.push({ cell: c.cell!, value, name: c.name, sign: c.sign ?? 1 });
  }
  return terms;
}

function sum(terms: Term[]): number {
  return tidy(terms.reduce((a, t) => a + t.sign * t.value, 0));
}

/**
 * sum(termsOf(cells)) for cells that all count positively, without building the terms (built only for
 * a violation): undefined when a cell is missing or not a number. The same additions in the same order.
 */
function sumOfCells(cells: readonly (Cell | undefined)[]): number | undefined {
  let total = 0;
  for (const cell of cells) {
    const value = numberOf(cell);
    if (value === undefined) return undefined;
    total = total + 1 * value;
  }
  return tidy(total);
}

function table3Violations(table: TableModel): Violation[] {
  const template = templateOf(table);
  const byId = rowsById(table);
  const rowById = (_table: TableModel, id: string) => byId.get(id);
  const rowTotals: Violation[] = [];
  for (const t of template.rows) {
    const row = rowById(table, t.id);
    if (!row) continue;
    const total = row.cells[TOTAL_COLUMN];
    const actual = numberOf(total);
    if (actual === undefined) continue;
    const expected = sumOfCells(row.cells.slice(0, TOTAL_COLUMN));
    if (expected === undefined || expected === actual) continue;
    const parts = termsOf(TABLE3_COLUMNS.slice(0, TOTAL_COLUMN).map((c, i) => ({ cell: row.cells[i], name: c.label })))!;
    rowTotals.push({
      code: 'row-total',
      target: total!,
      expected,
      actual,
      column: TOTAL_COLUMN,
      rowId: t.id,
      message: () =>
        expected >= 0
          ? msg('row-total', { row: quoteRow(t.name), expected, actual })
          : msg('row-total.negative', { row: quoteRow(t.name), sum: expected, actual }),
      terms: parts,
    });
  }

  const columnChecks: Violation[] = [];
  const resultRows = template.rows.filter((r) => r.result);
  const resultsTotal = rowById(table, 't3.resultsTotal');
  const newRow = rowById(table, 't3.new');
  const carriedIn = rowById(table, 't3.carriedIn');
  const carriedOut = rowById(table, 't3.carriedOut');
  const haveAllResults = resultRows.every((r) => rowById(table, r.id));
  TABLE3_COLUMNS.forEach((column, c) => {
    if (resultsTotal && haveAllResults) {
      const actual = numberOf(resultsTotal.cells[c]);
      const expected = actual === undefined ? undefined : sumOfCells(resultRows.map((r) => rowById(table, r.id)!.cells[c]));
      if (actual !== undefined && expected !== undefined) {
        if (expected !== actual) {
          const terms = termsOf(resultRows.map((r) => ({ cell: rowById(table, r.id)!.cells[c], name: r.name })))!;
          columnChecks.push({
            code: 'results-total',
            target: resultsTotal.cells[c]!,
            expected,
            actual,
            column: c,
            rowId: 't3.resultsTotal',
            message: () =>
              expected >= 0
                ? msg('results-total', { column: column.label, expected, actual })
                : msg('results-total.negative', { column: column.label, sum: expected, actual }),
            terms,
          });
        }
      }
    }
    if (newRow && carriedIn && resultsTotal && carriedOut) {
      const terms = termsOf([
        { cell: newRow.cells[c], name: '一、本年新收' },
        { cell: carriedIn.cells[c], name: '二、上年结转' },
        { cell: resultsTotal.cells[c], name: '（七）总计', sign: -1 },
      ]);
      const actual = numberOf(carriedOut.cells[c]);
      if (terms && actual !== undefined) {
        const expected = sum(terms);
        if (expected !== actual) {
          columnChecks.push({
            code: 'balance',
            target: carriedOut.cells[c]!,
            expected,
            actual,
            column: c,
            rowId: 't3.carriedOut',
            message: () =>
              expected >= 0
                ? msg('balance', {
                    column: column.label,
                    expected,
                    new: terms[0].value,
                    carriedIn: terms[1].value,
                    results: terms[2].value,
                    actual,
                  })
                : msg('balance.negative', {
                    column: column.label,
                    new: terms[0].value,
                    carriedIn: terms[1].value,
                    inflow: tidy(terms[0].value + terms[1].value),
                    results: terms[2].value,
                    actual,
                  }),
            terms,
          });
        }
      }
    }
  });
  return explain(rowTotals, columnChecks);
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
function explain(rowTotals: Violation[], columnChecks: Violation[]): Violation[] {
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
    const culprit = summedCulprit(v, rowTotals, suppressedRows);
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
function summedCulprit(v: Violation, rowTotals: Violation[], suppressedRows: Set<string>): Violation | undefined {
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
      message: () =>
        msg('row-total.part', {
          row: quoteRow(rowNameOf(row.rowId)),
          column: TABLE3_COLUMNS[v.column].label,
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

const cache = new WeakMap<ReportModel, Violation[]>();

function violations(model: ReportModel): Violation[] {
  let v = cache.get(model);
  if (!v) {
    v = model.tables.table3 ? table3Violations(model.tables.table3) : [];
    cache.set(model, v);
  }
  return v;
}

function table3Rule(code: FindingCode, description: string): Rule {
  return {
    code,
    severity: 'error',
    description,
    check: (model) =>
      violations(model)
        .filter((v) => v.code === code)
        .map(toFinding),
  };
}

export const rowTotal = table3Rule('row-total', '表三某行的总计不等于六类申请人之和');
export const resultsTotal = table3Rule('results-total', '表三（七）总计不等于各项办理结果之和');
export const balance = table3Rule('balance', '表三不平衡：一 + 二 ≠ （七）+ 四');

export const reviewTotal: Rule = {
  code: 'review-total',
  severity: 'error',
  description: '表四行政复议、行政诉讼某组的总计不等于四项之和',
  check(model) {
    const table = model.tables.table4;
    const row = table?.rows[0];
    if (!table || !row) return [];
    const t = rowTemplateOf(table, row);
    if (!t) return [];
    const findings: Finding[] = [];
    TABLE4_GROUPS.forEach((group, g) => {
      const base = g * TABLE4_RESULT_COLUMNS.length;
      const terms = termsOf(
        TABLE4_RESULT_COLUMNS.slice(0, 4).map((name, k) => ({ cell: row.cells[base + k], name: `${group.name}·${name}` })),
      );
      const totalCell = row.cells[base + 4];
      const actual = numberOf(totalCell);
      if (!terms || actual === undefined) return;
      const expected = sum(terms);
      if (expected === actual) return;
      findings.push(
        toFinding({
          code: 'review-total',
          target: totalCell!,
          expected,
          actual,
          column: base + 4,
          rowId: row.id,
          message: () =>
            msg(expected >= 0 ? 'review-total' : 'review-total.negative', {
              group: group.name,
              expected,
              terms: terms.map((x) => x.value).join(' + '),
              actual,
            }),
          terms,
        }),
      );
    });
    return findings;
  },
};

export const ARITHMETIC_RULES: Rule[] = [rowTotal, resultsTotal, balance, reviewTotal];
