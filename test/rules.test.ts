// One test per rule: a text where it fires, at the exact range, and one where it must not,
// each in more than one table encoding. Texts are generated consistent reports with one
// change; expected ranges are computed from the changed text, never hard-coded.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../shared/src/engine';
import type { Finding, FindingCode, Range } from '../shared/src/model';
import { standardHeading } from '../shared/src/template';
import { describeFindings } from './support/findings';
import { cellKey, consistentData, renderReport, withFault, type Encoding, type RenderedReport } from './support/reportFixture';
import { firstOf, nth } from './support/defined';

const ENCODINGS: Encoding[] = ['markdown', 'pipe', 'cell-per-line'];

interface Checked {
  text: string;
  lines: string[];
  findings: Finding[];
}

function check(text: string): Checked {
  const errors: string[] = [];
  const { findings, model } = checkText(text, { onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(errors, []);
  return { text, lines: model.lines, findings };
}

function base(encoding: Encoding, seed = 7) {
  return renderReport(consistentData(seed), encoding);
}

function lineIndex(lines: string[], needle: string, from = 0): number {
  const i = lines.findIndex((l, k) => k >= from && l.includes(needle));
  assert.ok(i >= 0, `no line contains ${needle}`);
  return i;
}

/** Range of `needle` on the first line (at or after `from`) that contains it. */
function rangeOf(lines: string[], needle: string, from = 0): Range {
  const line = lineIndex(lines, needle, from);
  const character = nth(lines, line, 'line').indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

function ofCode(c: Checked, code: FindingCode): Finding[] {
  return c.findings.filter((f) => f.code === code);
}

function assertFiresAt(c: Checked, code: FindingCode, range: Range) {
  const found = ofCode(c, code);
  assert.ok(
    found.some((f) => JSON.stringify(f.range) === JSON.stringify(range)),
    `${code} expected at ${JSON.stringify(range)}; got:\n${describeFindings(c.findings, c.text)}`,
  );
}

function assertSilent(c: Checked, code: FindingCode) {
  assert.deepEqual(ofCode(c, code), [], describeFindings(c.findings, c.text));
}

function mapLines(text: string, f: (lines: string[]) => string[]): string {
  return f(text.split('\n')).join('\n');
}

/** The rendered report with the number at `key` replaced by `replacement`; returns the text and that cell's old range. */
function replaceCell(rendered: RenderedReport, key: string, replacement: string, insertBefore = false): { text: string; at: Range } {
  const at = rendered.cells.get(key)!;
  const lines = rendered.text.split('\n');
  const line = nth(lines, at.start.line, 'line');
  const rest = insertBefore ? at.start.character : at.end.character;
  lines[at.start.line] = line.slice(0, at.start.character) + replacement + line.slice(rest);
  return { text: lines.join('\n'), at };
}

const headingLine = (lines: string[], n: number) => lineIndex(lines, standardHeading(n));

for (const encoding of ENCODINGS) {
  describe(`rules, ${encoding}`, () => {
    const clean = check(base(encoding).text);

    test('a consistent report has no finding but hints', () => {
      assert.deepEqual(
        clean.findings.filter((f) => f.severity !== 'hint'),
        [],
        describeFindings(clean.findings, clean.text),
      );
    });

    test('section-missing: at the next section heading when 五 is deleted', () => {
      const c = check(mapLines(clean.text, (ls) => ls.filter((l) => !l.includes(standardHeading(5)))));
      assertFiresAt(c, 'section-missing', rangeOf(c.lines, standardHeading(6)));
      assert.match(firstOf(ofCode(c, 'section-missing')).message, /五、存在的主要问题及改进情况/);
      assertSilent(clean, 'section-missing');
    });

    test('section-order: at 五 when it follows 六', () => {
      const text = mapLines(clean.text, (ls) => {
        const five = headingLine(ls, 5);
        const six = headingLine(ls, 6);
        const fiveBlock = ls.slice(five, six);
        return [...ls.slice(0, five), ...ls.slice(six), ...fiveBlock];
      });
      const c = check(text);
      assertFiresAt(c, 'section-order', rangeOf(c.lines, standardHeading(5)));
      assertSilent(clean, 'section-order');
    });

    test('section-duplicate: at the second 六', () => {
      const text = mapLines(clean.text, (ls) => {
        const six = headingLine(ls, 6);
        return [...ls.slice(0, six + 2), '', nth(ls, six, 'line'), '另有说明。', ...ls.slice(six + 2)];
      });
      const c = check(text);
      const second = rangeOf(c.lines, standardHeading(6), headingLine(c.lines, 6) + 1);
      assertFiresAt(c, 'section-duplicate', second);
      assertSilent(c, 'section-order');
      assertSilent(clean, 'section-duplicate');
    });

    test('heading-numbering: the numeral 3、 of section 三, fix writes 三、', () => {
      const c = check(clean.text.replace(standardHeading(3), '3、收到和处理政府信息公开申请情况'));
      const range = rangeOf(c.lines, '3、收到');
      range.end.character = range.start.character + 2;
      assertFiresAt(c, 'heading-numbering', range);
      assert.equal(firstOf(ofCode(c, 'heading-numbering')).fix?.edits[0]?.newText, '三、');
      assertSilent(c, 'section-missing');
      assertSilent(clean, 'heading-numbering');
    });

    test('heading-wording: the words 主动公开政务信息情况, and the section is still 二', () => {
      const c = check(clean.text.replace(standardHeading(2), '二、主动公开政务信息情况'));
      assertFiresAt(c, 'heading-wording', rangeOf(c.lines, '主动公开政务信息情况'));
      assert.equal(c.findings.filter((f) => f.severity === 'error').length, 0, describeFindings(c.findings, c.text));
      assertSilent(clean, 'heading-wording');
    });

    test('table-missing: at heading 四 when its table is gone', () => {
      const text = mapLines(clean.text, (ls) => {
        const four = headingLine(ls, 4);
        const five = headingLine(ls, 5);
        return [...ls.slice(0, four + 1), '本年度未发生行政复议、行政诉讼。', '', ...ls.slice(five)];
      });
      const c = check(text);
      assertFiresAt(c, 'table-missing', rangeOf(c.lines, standardHeading(4)));
      assertSilent(clean, 'table-missing');
    });

    test('row-missing: 行政强制 deleted, reported at the next row present (行政事业性收费)', () => {
      const rendered = base(encoding);
      const enforcement = rendered.cells.get(cellKey('t2.enforcement', 0))!;
      const text = mapLines(rendered.text, (ls) => {
        // Delete the row: its label line(s) and value line(s).
        const label = encoding === 'cell-per-line' ? lineIndex(ls, '行政强制') : enforcement.start.line;
        return [...ls.slice(0, label), ...ls.slice(enforcement.start.line + 1)];
      });
      const c = check(text);
      assertFiresAt(c, 'row-missing', rangeOf(c.lines, '行政事业性收费'));
      assert.match(firstOf(ofCode(c, 'row-missing')).message, /行政强制/);
      assertSilent(clean, 'row-missing');
    });

    test('row-label-missing: the numbers of 2.重复申请 without their label', () => {
      const rendered = base(encoding);
      const c = check(rendered.text.replace('2.重复申请', ''));
      const first = rendered.cells.get(cellKey('t3.notProcessed.2', 0))!;
      const last = rendered.cells.get(cellKey('t3.notProcessed.2', 6))!;
      const shift = encoding === 'cell-per-line' ? 0 : '2.重复申请'.length;
      const expected: Range = {
        start: { line: first.start.line, character: first.start.character - shift },
        end: encoding === 'cell-per-line' ? first.end : { line: last.end.line, character: last.end.character - shift },
      };
      assertFiresAt(c, 'row-label-missing', expected);
      assert.equal(firstOf(ofCode(c, 'row-label-missing')).data?.label, '2.重复申请');
      assert.deepEqual(ofCode(c, 'row-missing'), []);
      assertSilent(clean, 'row-label-missing');
    });

    test('cell-missing: a placeholder / in a cell, and no arithmetic finding from it', () => {
      const { text, at } = replaceCell(base(encoding), cellKey('t3.granted', 2), '/');
      const c = check(text);
      assertFiresAt(c, 'cell-missing', { start: at.start, end: { line: at.start.line, character: at.start.character + 1 } });
      assert.deepEqual(
        c.findings.filter((f) => ['row-total', 'results-total', 'balance'].includes(f.code)),
        [],
        'a missing cell is not 0: no arithmetic finding cascades from it',
      );
      assertSilent(clean, 'cell-missing');
    });

    test('cell-not-number: 12a in a cell', () => {
      const { text, at } = replaceCell(base(encoding), cellKey('t3.partly', 1), '12a');
      const c = check(text);
      assertFiresAt(c, 'cell-not-number', { start: at.start, end: { line: at.start.line, character: at.start.character + 3 } });
      assertSilent(clean, 'cell-not-number');
    });

    test('negative-number: −3 as a count', () => {
      const { text, at } = replaceCell(base(encoding), cellKey('t2.penalty', 0), '-3');
      const c = check(text);
      assertFiresAt(c, 'negative-number', { start: at.start, end: { line: at.start.line, character: at.start.character + 2 } });
      assertSilent(clean, 'negative-number');
    });

    test('legacy-format: a 2019 column header in a 2021 report; not for a 2020 report', () => {
      const text = clean.text.replace('本年制发件数', '本年新制作数量');
      const c = check(text);
      assertFiresAt(c, 'legacy-format', rangeOf(c.lines, '本年新制作数量'));
      const old = check(text.replace(/(\D)2021年/g, '$12020年'));
      assertSilent(old, 'legacy-format');
      assertSilent(clean, 'legacy-format');
    });

    for (const [code, rowId, column] of [
      ['row-total', 't3.new', 6],
      ['results-total', 't3.resultsTotal', 0],
      ['balance', 't3.carriedOut', 0],
      ['review-total', 't4.cases', 4],
    ] as const) {
      test(`${code}: at the changed cell, with its fix and the terms as related information`, () => {
        const data = withFault(consistentData(7), { rowId, column, delta: 1 });
        const rendered = renderReport(data, encoding);
        const c = check(rendered.text);
        const at = rendered.cells.get(cellKey(rowId, column))!;
        assertFiresAt(c, code, at);
        const f = firstOf(ofCode(c, code));
        assert.equal(f.fix?.title, `改为 ${Number(f.data?.expected)}`);
        assert.equal(f.data?.actual, Number(f.data?.expected) + 1);
        assert.ok((f.related?.length ?? 0) >= 3);
        assert.equal(c.findings.filter((x) => x.severity === 'error').length, 1, describeFindings(c.findings, c.text));
        assertSilent(clean, code);
      });
    }

    test('title-missing: at the first line when the title is deleted, fix builds it from agency and year', () => {
      const c = check(mapLines(clean.text, (ls) => ls.slice(1)));
      const first = c.lines.findIndex((l) => l.trim().length > 0);
      assertFiresAt(c, 'title-missing', {
        start: { line: first, character: nth(c.lines, first, 'line').length - nth(c.lines, first, 'line').trimStart().length },
        end: { line: first, character: nth(c.lines, first, 'line').trimEnd().length },
      });
      const { agency, year } = consistentData(7);
      const heading = encoding === 'markdown' ? '# ' : '';
      assert.equal(
        firstOf(ofCode(c, 'title-missing')).fix?.edits[0]?.newText.trim(),
        `${heading}${agency}${year}年政府信息公开工作年度报告`,
      );
      assertSilent(clean, 'title-missing');
    });

    test('date-missing: at the last line when the date is deleted', () => {
      const c = check(mapLines(clean.text, (ls) => ls.filter((l) => !/^\d{4}年1月15日$/.test(l.trim()))));
      const last = c.lines.length - 1 - [...c.lines].reverse().findIndex((l) => l.trim().length > 0);
      assertFiresAt(c, 'date-missing', rangeOf(c.lines, nth(c.lines, last, 'line').trim(), last));
      assertSilent(clean, 'date-missing');
    });

    test('conversion-artifact: a Word bookmark glued to a number is a hint, the number still counts', () => {
      const { text, at } = replaceCell(base(encoding), cellKey('t2.licensing', 0), '[bookmark: _GoBack]', true);
      const c = check(text);
      assertFiresAt(c, 'conversion-artifact', {
        start: at.start,
        end: { line: at.start.line, character: at.start.character + '[bookmark: _GoBack]'.length },
      });
      assert.equal(firstOf(ofCode(c, 'conversion-artifact')).severity, 'hint');
      assert.deepEqual(
        c.findings.filter((f) => f.severity !== 'hint'),
        [],
      );
    });
  });
}

test('a text that is no report gets no findings at all', () => {
  const readme = [
    '# 项目说明',
    '',
    '一、安装',
    '',
    '| 步骤 | 耗时 |',
    '|---|---|',
    '| 下载 | 12 |',
    '| 安装 | 30 |',
    '',
    '二、主动公开政府信息情况的统计口径见附件。',
  ].join('\n');
  assert.deepEqual(check(readme).findings, []);
  assert.deepEqual(check('').findings, []);
  // Even with force, an empty text does not throw.
  assert.ok(Array.isArray(checkText('', { force: true }).findings));
});

test('numbers run together after a label that split more than one way are cell-not-number, never split into an arithmetic error', () => {
  const rendered = renderReport(consistentData(7), 'cell-per-line');
  const lines = rendered.text.split('\n');
  const labelLine = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  // Replace the label and its 7 value lines by one glued line, as crawled pages do. `101000011` is
  // 10 1 0 0 0 0 | 11 or 1 0 10 0 0 0 | 11: both keep the row total, nothing decides between them.
  const values = rendered.cells.get(cellKey('t3.new', 0))!.start.line;
  const glued = '\t一、本年新收政府信息公开申请数量101000011';
  const text = [...lines.slice(0, labelLine), glued, ...lines.slice(values + 13)].join('\n');
  const c = check(text);
  const range = rangeOf(c.lines, '101000011');
  assertFiresAt(c, 'cell-not-number', range);
  assert.match(firstOf(ofCode(c, 'cell-not-number')).message, /数字连在一起，无法唯一拆分/);
  assert.deepEqual(
    c.findings.filter((f) => ['row-total', 'balance', 'cell-missing'].includes(f.code) && f.range.start.line === range.start.line),
    [],
  );
});
