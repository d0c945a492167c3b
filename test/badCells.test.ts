// A bad cell is reported where it stands and nowhere else: a blank or non-numeric FIRST number cell of a
// row does not shift the row by one column (issue 10, item 1), and a number too large to be a count is
// cell-not-number, never summed (issue 10, Numbers). In every table encoding; fix-all touches no other row.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../shared/src/fixes/index';
import type { FindingCode } from '../shared/src/model';
import { checkedFindings, describeFindings } from './support/findings';
import { readReport } from '../shared/src/reader';
import { TABLE3_COLUMNS } from '../shared/src/template';
import { firstOf, nth, rowOf } from './support/defined';
import {
  cellKey,
  consistentData,
  ENCODINGS,
  renderReport,
  type Encoding,
  type RenderedReport,
  type ReportData,
} from './support/reportFixture';

const ARITHMETIC: FindingCode[] = ['row-total', 'results-total', 'balance', 'review-total'];

const findings = checkedFindings;

/** The text with the number at `key` replaced by `replacement`. */
function replaced(rendered: RenderedReport, key: string, replacement: string): { text: string; line: number; character: number } {
  const at = rendered.cells.get(key)!;
  const lines = rendered.text.split('\n');
  const line = nth(lines, at.start.line, 'line');
  lines[at.start.line] = line.slice(0, at.start.character) + replacement + line.slice(at.end.character);
  return { text: lines.join('\n'), line: at.start.line, character: at.start.character };
}

/** The lines of the row `rowId` (its label's line to its last number's line). */
function rowLines(rendered: RenderedReport, rowId: string, columns: number): Set<number> {
  const first = rendered.cells.get(cellKey(rowId, 0))!.start.line;
  const last = rendered.cells.get(cellKey(rowId, columns - 1))!.start.line;
  const lines = new Set<number>();
  for (let l = first - 1; l <= last; l++) lines.add(l);
  return lines;
}

/** What a bad first cell must give: one finding of `code` on that cell, no arithmetic finding, no row-label-missing. */
function assertOneFindingOnCell(text: string, code: FindingCode, line: number, character: number, length: number): void {
  const all = findings(text);
  const dump = describeFindings(all, text);
  const onCell = all.filter((f) => f.code === code);
  assert.equal(onCell.length, 1, `one ${code}:\n${dump}`);
  assert.deepEqual(firstOf(onCell).range.start.line, line, dump);
  if (length > 0) {
    assert.deepEqual(firstOf(onCell).range, { start: { line, character }, end: { line, character: character + length } }, dump);
  }
  assert.match(firstOf(onCell).message, /自然人/, `the finding names the first column:\n${dump}`);
  const others = all.filter(
    (f) => ARITHMETIC.includes(f.code) || f.code === 'row-label-missing' || f.code === 'cell-missing' || f.code === 'cell-not-number',
  );
  assert.deepEqual(
    others.map((f) => f.code),
    [code],
    `nothing else about the tables:\n${dump}`,
  );
}

/** Fix-all changes no line outside the damaged row. */
function assertFixAllStaysInRow(text: string, rendered: RenderedReport, rowId: string): void {
  const fixed = fixAll(text).text;
  const before = text.split('\n');
  const after = fixed.split('\n');
  assert.equal(after.length, before.length, 'fix-all adds or removes no line');
  const row = rowLines(rendered, rowId, 7);
  before.forEach((line, i) => {
    if (!row.has(i)) assert.equal(after[i], line, `line ${i} outside the row changed by fix-all`);
  });
}

/**
 * Encodings where a blank cell is visible: an empty cell between separators, an empty line where a
 * one-cell-per-line row has as many lines as columns, or (pdftotext columns, `spaces`) a wider run of spaces
 * where the other rows of the table have a number at that column position.
 */
const BLANK_VISIBLE: Encoding[] = ['markdown', 'pipe', 'tab', 'cell-per-line', 'spaces'];

/** After fix-all, every number of the row `rowId` stands in its own column, and the blank column holds a number. */
function assertFixAllKeepsColumns(text: string, data: ReportData, rowId: string, blankColumn: number): void {
  const fixed = fixAll(text).text;
  const row = readReport(fixed).tables.table3?.rows.find((r) => r.id === rowId);
  assert.ok(row, `row ${rowId} read after fix-all`);
  const expected = rowOf(data.table3, rowId);
  row.cells.forEach((cell, column) => {
    assert.equal(cell?.kind, 'number', `column ${column} after fix-all: ${cell?.text}`);
    if (column !== blankColumn) assert.equal(cell?.value, expected[column], `column ${column} keeps its number after fix-all`);
  });
}

for (const encoding of ENCODINGS) {
  describe(`a bad first number cell, ${encoding}`, () => {
    const data = consistentData(11);
    const rendered = renderReport(data, encoding);
    const key = cellKey('t3.granted', 0);

    for (const text of ['15件', '约15', 'N/A', '十五']) {
      test(`「${text}」 is cell-not-number on that cell; the row is not shifted; fix-all touches no other row`, () => {
        const damaged = replaced(rendered, key, text);
        assertOneFindingOnCell(damaged.text, 'cell-not-number', damaged.line, damaged.character, text.length);
        assertFixAllStaysInRow(damaged.text, rendered, 't3.granted');
      });
    }

    test('a placeholder 「—」 is cell-missing on that cell; fix-all touches no other row', () => {
      const damaged = replaced(rendered, key, '—');
      assertOneFindingOnCell(damaged.text, 'cell-missing', damaged.line, damaged.character, 1);
      assertFixAllStaysInRow(damaged.text, rendered, 't3.granted');
    });

    if (BLANK_VISIBLE.includes(encoding)) {
      test('a blank first cell is cell-missing on that cell, not a missing 总计; fix-all touches no other row', () => {
        const damaged = replaced(rendered, key, '');
        assertOneFindingOnCell(damaged.text, 'cell-missing', damaged.line, damaged.character, 0);
        assertFixAllStaysInRow(damaged.text, rendered, 't3.granted');
        assertFixAllKeepsColumns(damaged.text, data, 't3.granted', 0);
      });

      // One cell per line: a blank LAST cell is an empty line before the empty line that ends the row, which
      // the reader does not take for a cell; the fill goes on a line of its own (not this test's subject).
      for (const column of encoding === 'cell-per-line' ? [3] : [3, 6]) {
        const name = nth(TABLE3_COLUMNS, column, 'column').label;
        test(`a blank cell in column ${column} (${name}) is cell-missing on that cell; fix-all keeps every number in its column`, () => {
          const damaged = replaced(rendered, cellKey('t3.granted', column), '');
          const all = findings(damaged.text);
          const dump = describeFindings(all, damaged.text);
          const missing = all.filter((f) => f.code === 'cell-missing');
          assert.equal(missing.length, 1, `one cell-missing:\n${dump}`);
          assert.equal(firstOf(missing).range.start.line, damaged.line, dump);
          assert.ok(firstOf(missing).message.includes(name), `the finding names the column ${name}:\n${dump}`);
          assert.deepEqual(
            all.filter((f) => ARITHMETIC.includes(f.code) || f.code === 'row-label-missing' || f.code === 'cell-not-number'),
            [],
            `nothing else about the tables:\n${dump}`,
          );
          assertFixAllStaysInRow(damaged.text, rendered, 't3.granted');
          assertFixAllKeepsColumns(damaged.text, data, 't3.granted', column);
        });
      }
    }

    test('the first cell of table 4 written 「3件」 is cell-not-number; the 15 numbers keep their columns', () => {
      const damaged = replaced(rendered, cellKey('t4.cases', 0), '3件');
      const all = findings(damaged.text);
      const dump = describeFindings(all, damaged.text);
      const bad = all.filter((f) => f.code === 'cell-not-number');
      assert.equal(bad.length, 1, dump);
      assert.equal(firstOf(bad).range.start.line, damaged.line, dump);
      assert.deepEqual(
        all.filter((f) => ARITHMETIC.includes(f.code) || f.code === 'cell-missing'),
        [],
        dump,
      );
    });

    test('a count above 10^9 is cell-not-number and summed nowhere', () => {
      for (const huge of ['1000000001', '12345678901234567890', '9007199254740993']) {
        const damaged = replaced(rendered, cellKey('t3.granted', 2), huge);
        const all = findings(damaged.text);
        const dump = describeFindings(all, damaged.text);
        const bad = all.filter((f) => f.code === 'cell-not-number');
        assert.equal(bad.length, 1, dump);
        assert.deepEqual(
          firstOf(bad).range,
          {
            start: { line: damaged.line, character: damaged.character },
            end: { line: damaged.line, character: damaged.character + huge.length },
          },
          dump,
        );
        assert.match(firstOf(bad).message, /10 亿/, dump);
        assert.deepEqual(
          all.filter((f) => ARITHMETIC.includes(f.code)),
          [],
          `no sum uses it:\n${dump}`,
        );
      }
    });
  });
}

test('10^9 itself is still a count; one more is not', () => {
  const rendered = renderReport(consistentData(11), 'markdown');
  const ok = replaced(rendered, cellKey('t2.penalty', 0), '1000000000');
  assert.deepEqual(
    findings(ok.text).filter((f) => f.code === 'cell-not-number'),
    [],
  );
  const tooMany = replaced(rendered, cellKey('t2.penalty', 0), '1,000,000,001');
  assert.equal(findings(tooMany.text).filter((f) => f.code === 'cell-not-number').length, 1);
});
