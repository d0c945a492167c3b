// The table encodings' registry: whatever an encoding's writer writes, the reader reads back as the same
// cells, in the same places, as a line of that encoding; a whole table written in it reads back with the
// same row values (and a blank cell as a blank, where the encoding writes one).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENCODING_IDS, encodingModule, encodingOfLayout, tokenizeLine } from '../shared/src/encodings';
import { catalogue } from '../shared/src/messages';
import type { Cell, RowModel } from '../shared/src/model';
import { readReport } from '../shared/src/reader';
import { defaultLayout, renderTable } from '../shared/src/render';
import { standardHeading, TABLE3_2021 } from '../shared/src/template';
import { nth } from './support/defined';

const LABEL = '一、本年新收政府信息公开申请数量';
/** Eight values after the label: nine cells, no negative number, one with decimals and one with a thousands separator. */
const VALUES = ['0', '7', '23', '456', '12.50', '1,024', '3', '98'];

/** The cells of written lines as the tokenizer reads them, and each line's encoding. */
function readBack(lines: readonly string[]): { cells: Cell[]; encodings: (string | undefined)[] } {
  const tokens = lines.map((l, i) => tokenizeLine(l, i)).filter((t) => t.layout !== 'blank');
  return { cells: tokens.flatMap((t) => t.cells), encodings: tokens.map((t) => encodingOfLayout(t.layout)) };
}

describe('every registered encoding reads back what its writer writes', () => {
  test('there are the five encodings, each with a name in both languages', () => {
    assert.deepEqual([...ENCODING_IDS].sort(), ['cell-per-line', 'markdown', 'pipe', 'spaces', 'tab']);
    for (const id of ENCODING_IDS) {
      const m = encodingModule(id);
      assert.equal(m.id, id);
      assert.ok(catalogue('zh-cn')[`encoding.${id}`] && catalogue('en')[`encoding.${id}`], id);
    }
  });

  for (const id of ENCODING_IDS) {
    const encoding = encodingModule(id);
    test(`${id}: a row of nine cells, as the same cells in the places the writer gave`, () => {
      for (const indent of ['', encoding.defaults.indent]) {
        const written = encoding.writeRow(
          { labels: [LABEL], values: VALUES },
          { indent, blankLineAfter: encoding.defaults.blankLineAfter },
        );
        const { cells, encodings } = readBack(written.lines);
        assert.deepEqual(
          cells.map((c) => c.text),
          [LABEL, ...VALUES],
          JSON.stringify(written.lines),
        );
        assert.deepEqual(
          cells.slice(1).map((c) => c.value),
          [0, 7, 23, 456, 12.5, 1024, 3, 98],
        );
        assert.deepEqual(new Set(encodings), new Set([id]), `read as ${[...new Set(encodings)].join(', ')}`);
        const places = [...written.labels, ...written.values];
        cells.forEach((c, i) => {
          const place = places[i]!;
          const lineOf = written.lines.filter((text, k) => k < place.line && text.trim() === '').length;
          assert.deepEqual(
            [c.line + lineOf, c.start, c.end],
            [place.line, place.start, place.end],
            `cell ${i} of ${JSON.stringify(written.lines)}`,
          );
        });
      }
    });

    test(`${id}: a blank cell ${encoding.writesEmptyCells ? 'reads back blank' : 'is left out (the encoding cannot write one on a row)'}`, () => {
      const values = [...VALUES.slice(0, 3), '', ...VALUES.slice(3)];
      const written = encoding.writeRow({ labels: [LABEL], values });
      const { cells } = readBack(written.lines);
      if (encoding.writesEmptyCells) {
        assert.deepEqual(
          cells.map((c) => c.kind),
          ['text', 'number', 'number', 'number', 'empty', 'number', 'number', 'number', 'number', 'number'],
          JSON.stringify(written.lines),
        );
        assert.equal(written.values[3]?.start, nth(cells, 4, 'cell').start);
      } else {
        assert.deepEqual(
          cells.map((c) => c.text),
          [LABEL, ...VALUES],
        );
        assert.equal(written.values[3], undefined);
      }
    });

    test(`${id}: a whole table 3 written in it reads back as that encoding with the same row values`, () => {
      const values = new Map(TABLE3_2021.rows.map((r, i) => [r.id, r.columns.map((_, k) => (i * 7 + k) % 13)]));
      if (encoding.writesEmptyCells) values.set('t3.carriedIn', [1, 2, '', 4, 5, 6, 18] as unknown as number[]);
      const lines = renderTable('table3', defaultLayout(id), values);
      const text = ['某某局2024年政府信息公开工作年度报告', '', standardHeading(3), '', ...lines, '', standardHeading(4), ''].join('\n');
      const table = readReport(text).tables.table3;
      assert.ok(table, text);
      assert.equal(table.encoding, id);
      for (const row of TABLE3_2021.rows) {
        const got: RowModel | undefined = table.rows.find((r) => r.id === row.id);
        assert.ok(got, `${row.id} read from\n${text}`);
        assert.deepEqual(
          got.cells.map((c) => (c?.kind === 'empty' ? '' : c?.value)),
          values.get(row.id),
          row.id,
        );
      }
    });
  }
});
