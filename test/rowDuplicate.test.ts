// A template row written twice (issue 10, item 4) is reported once, at the second copy, with the first
// as related information and no fix; the copy is summed nowhere. In every table encoding, any table.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../shared/src/fixes/index';
import type { FindingCode } from '../shared/src/model';
import { checkedFindings, describeFindings } from './support/findings';
import { cellKey, consistentData, ENCODINGS, renderReport, type Encoding, type RenderedReport } from './support/reportFixture';
import { firstOf, nth } from './support/defined';

const ARITHMETIC: FindingCode[] = ['row-total', 'results-total', 'balance', 'review-total'];

/** The text with the lines of row `rowId` (label and numbers) written a second time right after them. */
function withRowTwice(
  rendered: RenderedReport,
  encoding: Encoding,
  rowId: string,
  columns: number,
): { text: string; first: number; copy: number } {
  const lines = rendered.text.split('\n');
  let first = rendered.cells.get(cellKey(rowId, 0))!.start.line;
  let last = rendered.cells.get(cellKey(rowId, columns - 1))!.start.line;
  // One cell per line: the label is the line before the numbers, a blank line ends the row.
  if (encoding === 'cell-per-line') {
    first -= 1;
    last += 1;
  }
  const copy = lines.slice(first, last + 1);
  lines.splice(last + 1, 0, ...copy);
  return { text: lines.join('\n'), first, copy: last + 1 };
}

for (const encoding of ENCODINGS) {
  describe(`row-duplicate, ${encoding}`, () => {
    const rendered = renderReport(consistentData(5), encoding);

    for (const [rowId, columns, label] of [
      ['t3.otherHandling.3', 7, '3.其他'],
      ['t2.penalty', 1, '行政处罚'],
    ] as const) {
      test(`${label} written twice: one row-duplicate at the copy, the first row related, no fix, no sum uses it`, () => {
        const { text, first, copy } = withRowTwice(rendered, encoding, rowId, columns);
        const all = checkedFindings(text);
        const dump = describeFindings(all, text);
        const found = all.filter((f) => f.code === 'row-duplicate');
        assert.equal(found.length, 1, dump);
        const [f] = found;
        assert.ok(f, dump);
        assert.equal(f.severity, 'error');
        assert.equal(f.range.start.line, copy, dump);
        const copyLine = nth(text.split('\n'), copy, 'line');
        assert.equal(f.range.start.character, copyLine.indexOf(label), dump);
        assert.match(f.message, new RegExp(`${label.replace('.', '\\.')}」一行出现了两次（第一次在第 ${first + 1} 行）`), dump);
        assert.equal(f.related?.length, 1, dump);
        assert.equal(firstOf(f.related!).range.start.line, first, dump);
        assert.equal(f.fix, undefined, 'which copy is right is the author’s call: no fix');
        assert.deepEqual(
          all.filter((x) => ARITHMETIC.includes(x.code)),
          [],
          dump,
        );
        // Fix-all leaves both copies and reports the duplicate still.
        const fixed = fixAll(text);
        assert.equal(fixed.text, text, 'fix-all changes nothing');
        assert.ok(fixed.remaining.some((x) => x.code === 'row-duplicate'));
      });
    }

    test('the clean report has no row-duplicate', () => {
      assert.deepEqual(
        checkedFindings(rendered.text).filter((f) => f.code === 'row-duplicate'),
        [],
      );
    });
  });
}
