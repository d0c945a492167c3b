// The relations of the template (row totals, （七）总计, the balance, table-4 groups) and their one
// evaluator, on small tables built cell by cell: a consistent table, one wrong term, one missing term,
// the 2019 format, table 4 and the hover that shows the evaluator's sums.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../shared/src/engine';
import { hoverAt } from '../shared/src/hover';
import type { Cell, FormatVersion, RowModel, TableId, TableModel } from '../shared/src/model';
import { evaluate, expectedAt, relationHolds, relationsOf, relationWithTotal, rowCheck } from '../shared/src/relations';
import { TABLE2_2019, TABLE2_2021, TABLE3_2019, TABLE3_2021, TABLE4, type Relation } from '../shared/src/template';
import { consistentData } from './support/reportFixture';
import { defined, firstOf, nth, numberAt, rowOf } from './support/defined';

let line = 0;

/** A cell on a line of its own: a number, or any other text (a placeholder, a word). */
function cell(value: number | string): Cell {
  const l = line++;
  if (typeof value === 'number') {
    const text = String(value);
    return { text, line: l, start: 0, end: text.length, kind: 'number', value };
  }
  return { text: value, line: l, start: 0, end: value.length, kind: value === '/' ? 'placeholder' : 'text' };
}

function row(id: string, values: readonly (number | string)[]): RowModel {
  const cells = values.map(cell);
  return { id, labels: [], labelMissing: false, cells, rawCells: cells, anchor: firstOf(cells) };
}

function table(id: TableId, format: FormatVersion, rows: RowModel[]): TableModel {
  return { id, format, encoding: 'pipe', startLine: 0, endLine: line, rows, legacyMarkers: [], strayNumbers: [], gluedCells: [] };
}

/** Table 3 of a generated consistent report: rowId → 7 numbers. */
function table3Data(seed = 3): Record<string, number[]> {
  return consistentData(seed).table3;
}

function table3(data: Record<string, (number | string)[]>, format: FormatVersion = '2021'): TableModel {
  const template = format === '2019' ? TABLE3_2019 : TABLE3_2021;
  return table(
    'table3',
    format,
    template.rows.map((r) => row(r.id, defined(data[r.id], r.id))),
  );
}

/** The same numbers on the 2019 format: （六）其他处理 one row, the sum of the three 2021 rows. */
function as2019(data: Record<string, number[]>): Record<string, number[]> {
  const [one, two, three] = ['t3.otherHandling.1', 't3.otherHandling.2', 't3.otherHandling.3'].map((id) => rowOf(data, id));
  assert.ok(one && two && three);
  return {
    ...data,
    't3.otherHandling': one.map((v, c) => v + nth(two, c) + nth(three, c)),
  };
}

const find = (t: TableModel, code: Relation['code'], row: string, column: number) => {
  const r = relationsOf(t).find((x) => x.code === code && x.total.row === row && x.total.column === column);
  assert.ok(r, `${code} at ${row}#${column}`);
  return r;
};

describe('the relations as data (template.ts)', () => {
  test('table 3: one row total per row, then per column （七）总计 and the balance; none in table 2', () => {
    for (const template of [TABLE3_2021, TABLE3_2019]) {
      const rowTotals = template.relations.filter((r) => r.code === 'row-total');
      assert.deepEqual(
        rowTotals.map((r) => r.total.row),
        template.rows.map((r) => r.id),
      );
      for (const r of rowTotals) {
        assert.equal(r.axis, 'row');
        assert.deepEqual(
          r.terms.map((t) => [t.cell.row, t.cell.column, t.sign]),
          [0, 1, 2, 3, 4, 5].map((c) => [r.total.row, c, 1]),
        );
      }
      const results = template.relations.filter((r) => r.code === 'results-total');
      assert.equal(results.length, 7);
      assert.deepEqual(
        firstOf(results).terms.map((t) => t.cell.row),
        template.rows.filter((r) => r.result).map((r) => r.id),
      );
      const balances = template.relations.filter((r) => r.code === 'balance');
      assert.equal(balances.length, 7);
      assert.deepEqual(
        nth(balances, 3).terms.map((t) => [t.cell.row, t.cell.column, t.sign]),
        [
          ['t3.new', 3, 1],
          ['t3.carriedIn', 3, 1],
          ['t3.resultsTotal', 3, -1],
        ],
      );
      assert.deepEqual(nth(balances, 3).total, { row: 't3.carriedOut', column: 3 });
    }
    // The 2019 （六）其他处理 is one result row; 2021's three sub-rows are not in its （七）总计.
    const results2019 = TABLE3_2019.relations.find((r) => r.code === 'results-total')!.terms.map((t) => t.cell.row);
    assert.ok(results2019.includes('t3.otherHandling'));
    assert.ok(!results2019.includes('t3.otherHandling.1'));
    assert.equal(results2019.length, 19);
    assert.equal(TABLE3_2021.relations.find((r) => r.code === 'results-total')!.terms.length, 21);
    assert.deepEqual([...TABLE2_2021.relations, ...TABLE2_2019.relations], []);
  });

  test('no cell is the total of two relations of the same kind', () => {
    for (const template of [TABLE3_2021, TABLE3_2019, TABLE4]) {
      const keys = template.relations.map((r) => `${r.code} ${r.total.row}#${r.total.column}`);
      assert.equal(new Set(keys).size, keys.length);
    }
  });
});

describe('evaluate', () => {
  test('a consistent table 3: every relation holds, its sum is the total written', () => {
    const data = table3Data();
    const t = table3(data);
    assert.equal(relationsOf(t).length, TABLE3_2021.rows.length + 14);
    for (const relation of relationsOf(t)) {
      const ev = evaluate(t, relation);
      assert.equal(ev.holds, true, `${relation.code} ${relation.total.row}#${relation.total.column}`);
      assert.equal(ev.sum, numberAt(data, relation.total.row, relation.total.column));
      assert.equal(ev.actual, ev.sum);
      assert.deepEqual(ev.missing, []);
      assert.equal(ev.totalCell, t.rows.find((r) => r.id === relation.total.row)!.cells[relation.total.column]);
    }
    const balance = evaluate(t, find(t, 'balance', 't3.carriedOut', 6));
    const [n, carried, results] = (['t3.new', 't3.carriedIn', 't3.resultsTotal'] as const).map((id) => numberAt(data, id, 6));
    assert.ok(n !== undefined && carried !== undefined && results !== undefined);
    assert.equal(balance.sum, n + carried - results);
    assert.deepEqual(
      balance.terms.map((x) => [x.term.name, x.value]),
      [
        ['一、本年新收', n],
        ['二、上年结转', carried],
        ['（七）总计', results],
      ],
    );
  });

  test('one wrong term: its row total and its column’s （七）总计 break, each says what the cell should be', () => {
    const data = table3Data();
    const right = firstOf(rowOf(data, 't3.withheld.4'));
    const wrong = structuredClone(data);
    rowOf(wrong, 't3.withheld.4')[0] = right + 3;
    const t = table3(wrong);
    const broken = relationsOf(t).filter((r) => evaluate(t, r).holds === false);
    assert.deepEqual(
      broken.map((r) => `${r.code} ${r.total.row}#${r.total.column}`),
      ['row-total t3.withheld.4#6', 'results-total t3.resultsTotal#0'],
    );
    const rowTotal = evaluate(t, firstOf(broken));
    assert.equal(rowTotal.sum, nth(rowOf(data, 't3.withheld.4'), 6) + 3);
    assert.equal(rowTotal.actual, numberAt(data, 't3.withheld.4', 6));
    const ref = { row: 't3.withheld.4', column: 0 };
    assert.equal(expectedAt(rowTotal, ref), right);
    assert.equal(expectedAt(evaluate(t, nth(broken, 1)), ref), right);
    // The total: what the terms add up to.
    assert.equal(
      expectedAt(rowTotal, firstOf(broken).total),
      right +
        3 +
        rowOf(data, 't3.withheld.4')
          .slice(1, 6)
          .reduce((a, b) => a + b, 0),
    );
  });

  test('one missing term: no sum, the term is named, and its value follows from the others', () => {
    const data = table3Data();
    const holed: Record<string, (number | string)[]> = structuredClone(data);
    defined(holed['t3.partly'], 't3.partly')[2] = '/';
    const t = table3(holed);
    const rowTotal = evaluate(t, find(t, 'row-total', 't3.partly', 6));
    assert.equal(rowTotal.sum, undefined);
    assert.equal(rowTotal.holds, undefined);
    assert.deepEqual(
      rowTotal.missing.map((m) => [m.term.name, m.cell?.text, m.value]),
      [['科研机构', '/', undefined]],
    );
    const ref = { row: 't3.partly', column: 2 };
    assert.equal(expectedAt(rowTotal, ref), numberAt(data, 't3.partly', 2));
    assert.equal(expectedAt(evaluate(t, find(t, 'results-total', 't3.resultsTotal', 2)), ref), numberAt(data, 't3.partly', 2));
    // The total cannot be computed while a term is missing; the other relations are untouched.
    assert.equal(expectedAt(rowTotal, rowTotal.relation.total), undefined);
    const broken = relationsOf(t).filter((r) => evaluate(t, r).holds !== true);
    assert.deepEqual(
      broken.map((r) => `${r.code} ${r.total.row}#${r.total.column}`),
      ['row-total t3.partly#6', 'results-total t3.resultsTotal#2'],
    );
    // An absent row: every term of it is missing.
    const without = table(
      'table3',
      '2021',
      t.rows.filter((r) => r.id !== 't3.carriedIn'),
    );
    const balance = evaluate(without, find(without, 'balance', 't3.carriedOut', 0));
    assert.deepEqual(
      balance.missing.map((m) => [m.term.name, m.cell]),
      [['二、上年结转', undefined]],
    );
    // The term subtracted (（七）总计 in 四 = 一 + 二 − （七）): solved with its sign.
    const balance0 = evaluate(t, find(t, 'balance', 't3.carriedOut', 0));
    assert.equal(expectedAt(balance0, { row: 't3.resultsTotal', column: 0 }), numberAt(data, 't3.resultsTotal', 0));
  });

  test('a 2019 table: （六）其他处理 as one row counts in （七）总计', () => {
    const data = as2019(table3Data(5));
    const t = table3(data, '2019');
    assert.equal(relationsOf(t), TABLE3_2019.relations);
    for (const relation of relationsOf(t)) assert.equal(evaluate(t, relation).holds, true);
    const wrong = structuredClone(data);
    const other = rowOf(wrong, 't3.otherHandling');
    other[1] = nth(other, 1) + 1;
    other[6] = nth(other, 6) + 1; // its row still adds up
    const w = table3(wrong, '2019');
    const broken = relationsOf(w).filter((r) => evaluate(w, r).holds === false);
    assert.deepEqual(
      broken.map((r) => `${r.code} ${r.total.row}#${r.total.column}`),
      ['results-total t3.resultsTotal#1', 'results-total t3.resultsTotal#6'],
    );
    const ev = evaluate(w, firstOf(broken));
    assert.equal(relationWithTotal(w, 't3.resultsTotal', 1, 'column'), broken[0]);
    assert.equal(relationWithTotal(w, 't3.resultsTotal', 6, 'row')?.code, 'row-total');
    assert.equal(ev.sum! - ev.actual!, 1);
    assert.ok(ev.terms.some((x) => x.term.name === '三、本年度办理结果·（六）其他处理' && x.term.short === '（六）其他处理'));
  });

  test('table 4: each group’s 总计 is its four results; options: a repeated row, assumed values', () => {
    const values = [3, 1, 0, 2, 6, 0, 0, 0, 0, 0, 4, 1, 0, 0, 4];
    const t = table('table4', '2021', [row('t4.cases', values)]);
    const evs = relationsOf(t).map((r) => evaluate(t, r));
    assert.deepEqual(
      evs.map((e) => [e.relation.code, e.relation.total.column, e.sum, e.actual, e.holds]),
      [
        ['review-total', 4, 6, 6, true],
        ['review-total', 9, 0, 0, true],
        ['review-total', 14, 5, 4, false],
      ],
    );
    assert.deepEqual(
      nth(evs, 2).terms.map((x) => [x.term.name, x.term.short]),
      [
        ['行政诉讼·复议后起诉·结果维持', '结果维持'],
        ['行政诉讼·复议后起诉·结果纠正', '结果纠正'],
        ['行政诉讼·复议后起诉·其他结果', '其他结果'],
        ['行政诉讼·复议后起诉·尚未审结', '尚未审结'],
      ],
    );
    assert.equal(expectedAt(nth(evs, 2), { row: 't4.cases', column: 11 }), 0);
    // A second copy of the row stands for its id when asked (the hover on it).
    const copy = row('t4.cases', [1, 1, 1, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const both = table('table4', '2021', [firstOf(t.rows), copy]);
    assert.equal(evaluate(both, firstOf(relationsOf(both))).sum, 6);
    assert.equal(evaluate(both, firstOf(relationsOf(both)), { row: copy }).sum, 4);
    // Values assumed for some cells (a fix that fills them with 0).
    const assumed = evaluate(t, firstOf(relationsOf(t)), { assume: (ref) => (ref.column >= 2 ? 0 : undefined) });
    assert.equal(assumed.sum, 4);
  });

  test('decimals are summed to the precision written', () => {
    const t = table('table4', '2021', [row('t4.cases', [0.1, 0.2, 0, 0, 0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])]);
    const ev = evaluate(t, firstOf(relationsOf(t)));
    assert.equal(ev.sum, 0.3);
    assert.equal(ev.holds, true);
  });
});

describe('relationHolds: evaluate’s verdict without the evaluation', () => {
  test('on every relation of consistent, faulty, short and 2019 tables it says what evaluate says', () => {
    const data = table3Data(5);
    const rows = (change: (id: string, values: (number | string)[]) => (number | string)[]) =>
      TABLE3_2021.rows.map((r) => row(r.id, change(r.id, defined(data[r.id], r.id))));
    const tables = [
      table(
        'table3',
        '2021',
        rows((_, v) => v),
      ),
      table(
        'table3',
        '2021',
        rows((id, v) => (id === 't3.new' ? v.map((x, i) => (i === 2 ? Number(x) + 1 : x)) : v)),
      ),
      table(
        'table3',
        '2021',
        rows((id, v) => (id === 't3.granted' ? v.slice(0, 4) : v)),
      ),
      table(
        'table3',
        '2021',
        rows((id, v) => (id === 't3.carriedOut' ? v.map((x, i) => (i === 6 ? '/' : x)) : v)),
      ),
      table(
        'table3',
        '2021',
        rows((id, v) => (id === 't3.resultsTotal' ? v.map(() => '/') : v)),
      ),
      table(
        'table3',
        '2019',
        rows((_, v) => v),
      ),
    ];
    const verdicts = new Set<string>();
    for (const t of tables) {
      for (const relation of relationsOf(t)) {
        const holds = evaluate(t, relation).holds;
        assert.equal(relationHolds(t, relation), holds, `${relation.code} ${relation.total.row} ${relation.total.column}`);
        verdicts.add(String(holds));
      }
    }
    // Each verdict occurs, so that each was compared.
    assert.deepEqual([...verdicts].sort(), ['false', 'true', 'undefined']);
  });
});

describe('the hover shows the evaluator’s sums and the rule’s verdict', () => {
  const example = readFileSync(join('examples', 'consistent.nianbao.md'), 'utf8');

  test('a total off by less than the rounding of sums: the rule reports it, and the hover no longer says it matches', () => {
    // The old hover rounded the difference to 6 decimals and said ✓ where review-total reported an error.
    for (const [total, delta] of [
      ['4.00000001', '+0.00000001'],
      ['3.9999999', '-0.0000001'],
      ['5', '+1'],
    ]) {
      const text = example.replace('| 2 | 1 | 0 | 1 | 4 | 1 |', `| 2 | 1 | 0 | 1 | ${total} | 1 |`);
      const { findings, model } = checkText(text);
      const cell = firstOf(model.tables.table4!.rows).cells[4]!;
      assert.equal(cell.text, total);
      assert.deepEqual(
        findings.filter((f) => f.code === 'review-total').map((f) => f.range.start),
        [{ line: cell.line, character: cell.start }],
      );
      const hover = hoverAt(model, { line: cell.line, character: cell.start })!.markdown;
      assert.match(hover, /计算：2 \+ 1 \+ 0 \+ 1 = \*\*4\*\*/);
      assert.doesNotMatch(hover, /✓/);
      assert.ok(hover.includes(`✗ 所填为 ${total}，差 ${delta}`), hover);
    }
  });

  test('where the rule is silent the hover says ✓ (decimals summed to the precision written)', () => {
    const text = example.replace('| 2 | 1 | 0 | 1 | 4 | 1 |', '| 0.1 | 0.2 | 0 | 0 | 0.3 | 1 |');
    const { findings, model } = checkText(text);
    assert.deepEqual(
      findings.filter((f) => f.code === 'review-total'),
      [],
    );
    const cell = firstOf(model.tables.table4!.rows).cells[4]!;
    assert.match(hoverAt(model, { line: cell.line, character: cell.start })!.markdown, /✓ 与所填一致/);
  });
});

describe('the narrative cross-check takes the table as a reference where the rules find it consistent', () => {
  test('a table-4 total whose decimals add up (0.1 + 0.2 = 0.3): compared with the prose, as review-total is silent', () => {
    // The old narrative check added the parts without rounding (0.30000000000000004 ≠ 0.3) and took the
    // table for no reference; the rule, summing to the precision written, finds the group consistent.
    const example = readFileSync(join('examples', 'consistent.nianbao.md'), 'utf8');
    const text = example.replace('| 2 | 1 | 0 | 1 | 4 | 1 |', '| 0.1 | 0.2 | 0 | 0 | 0.3 | 1 |');
    const { findings, model } = checkText(text);
    assert.deepEqual(
      findings.filter((f) => f.code === 'review-total'),
      [],
    );
    const mismatch = findings.filter((f) => f.code === 'narrative-mismatch' && f.data?.kind === 'review');
    assert.equal(mismatch.length, 1, JSON.stringify(findings.map((f) => f.message)));
    assert.equal(
      nth(model.lines, firstOf(mismatch).range.start.line, 'line').slice(
        firstOf(mismatch).range.start.character,
        firstOf(mismatch).range.end.character,
      ),
      '4',
    );
    assert.match(firstOf(mismatch).message, /0\.3/);
  });
});

describe('rowCheck: the relations within a row, on the numbers of a split of run-together digits', () => {
  test('table 3: 总计 = the six applicant columns, checked once the total is there', () => {
    const check = rowCheck('t3.new');
    assert.equal(check([1, 0, 0, 0, 0]), true);
    assert.equal(check([1, 0, 0, 0, 0, 0, 1]), true);
    assert.equal(check([1, 0, 0, 0, 0, 0, 2]), false);
    assert.equal(rowCheck('t3.otherHandling')([2, 0, 0, 0, 0, 1, 3]), true); // the 2019 single row too
    assert.equal(rowCheck('t3.otherHandling')([2, 0, 0, 0, 0, 1, 4]), false);
  });

  test('table 4: each group of five, as far as the groups go; table 2: no relation', () => {
    const check = rowCheck('t4.cases');
    assert.equal(check([1, 1, 1, 1, 4]), true);
    assert.equal(check([1, 1, 1, 1, 5]), false);
    assert.equal(check([1, 1, 1, 1, 4, 0, 0, 2, 0]), true);
    assert.equal(check([1, 1, 1, 1, 4, 0, 0, 2, 0, 1]), false);
    assert.equal(check([1, 1, 1, 1, 4, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0]), true);
    assert.equal(rowCheck('t2.rules')([1, 2, 99]), true);
  });
});
