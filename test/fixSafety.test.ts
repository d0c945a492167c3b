// Issue 10: no fix ever destroys data. A format conversion is never part of fix-all (source.fixAll, fix on
// save, `check --fix`); a count is never negative, so no fix writes one and no message asks for one.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { checkText } from '../shared/src/engine';
import { applyEdits, fixAll } from '../shared/src/fixes/index';
import type { Finding } from '../shared/src/model';
import { standardHeading } from '../shared/src/template';
import { describeFindings } from './support/findings';
import { LspSession } from './support/lspSession';
import { fixAllTargets, negativesOf, numberProblems, numbersOf, minus, show } from './support/numbers';
import {
  cellKey,
  cloneData,
  consistentData,
  renderReport,
  TABLE3_RESULT_ROW_IDS,
  type RenderedReport,
  type ReportData,
} from './support/reportFixture';
import { corpusFile, corpusReports, corpusText } from './support/corpus';
import { defined, firstOf, nth, rowOf } from './support/defined';
import { expectedFindings } from './support/expectedCorpus';

/** The rendered text with some cells rewritten (given by cell key). */
function replaceCells(rendered: RenderedReport, replacements: Record<string, string>): string {
  const edits = Object.entries(replacements).map(([key, newText]) => ({ range: rendered.cells.get(key)!, newText }));
  return applyEdits(rendered.text, edits);
}

const NEGATIVE_EXPECTED = /(应为|should be|改为|Change to|填入|Fill in) -\d/;

/** No message asks for a negative count and no fix writes one. */
function assertNoNegativeRepair(findings: readonly Finding[], text: string): void {
  for (const f of findings) {
    assert.doesNotMatch(f.message, NEGATIVE_EXPECTED, describeFindings([f], text));
    if (f.fix) {
      assert.doesNotMatch(f.fix.title, NEGATIVE_EXPECTED, describeFindings([f], text));
      const after = applyEdits(text, f.fix.edits);
      assert.deepEqual(show(minus(negativesOf(after), negativesOf(text))), '', `「${f.fix.title}」 writes a negative number`);
    }
  }
}

describe('a format conversion is never part of fix-all', () => {
  const corpusNames = corpusReports();
  test('the 2019-format reports of the corpus (000, 003) are there', () => {
    for (const prefix of ['000', '003']) {
      const file = corpusFile(prefix);
      const expected = expectedFindings(basename(file)).filter((f) => f.code === 'legacy-format').length;
      assert.ok(expected > 0, `EXPECTED.md: ${prefix} is on the 2019 format`);
      assert.equal(checkText(readFileSync(file, 'utf8')).findings.filter((f) => f.code === 'legacy-format').length, expected, prefix);
    }
  });
  for (const name of corpusNames) {
    test(`corpus ${name}: fix-all converts no table and keeps every number that is not the target of an arithmetic fix`, () => {
      const text = corpusText(name);
      const legacy = checkText(text).findings.filter((f) => f.code === 'legacy-format');
      const result = fixAll(text);
      assert.deepEqual(
        result.fixed.filter((f) => f.code === 'legacy-format'),
        [],
      );
      assert.equal(result.remaining.filter((f) => f.code === 'legacy-format').length, legacy.length);
      assert.deepEqual(numberProblems(text, result.text, fixAllTargets(result.fixed)), []);
      // "Fix all of this kind" is no way round it either.
      assert.equal(fixAll(text, { code: 'legacy-format' }).text, text);
    });
  }

  test('corpus 003: check --fix keeps 其他对外管理服务事项, 政府集中采购 and 行政处罚 … 10(减), writes no 0 into 2021 cells, and says the warnings remain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-safety-'));
    try {
      const file = join(dir, '003.txt');
      const original = readFileSync(corpusFile('003'), 'utf8');
      writeFileSync(file, original);
      const run = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'check', '--fix', file], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const fixed = readFileSync(file, 'utf8');
      for (const line of [
        '其他对外管理服务事项 | 269 | 8(减) | 261 |',
        '行政处罚 | 24 | 10(减) | 14 |',
        '政府集中采购 | 0 | 0',
        '(六)其他处理 | 0 | 0 |',
      ]) {
        assert.ok(fixed.includes(line), `${line} kept`);
      }
      assert.ok(!fixed.includes('本年废止件数'), 'no table converted');
      assert.match(run.stdout, /legacy-format/);
      assert.doesNotMatch(run.stdout, /未发现问题/);
      assert.deepEqual(show(minus(numbersOf(original), numbersOf(fixed))), '');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('corpus 003: the conversion, picked by the user, keeps every number (in the table or in a note under it) and leaves what the old format cannot fill as 「—」', () => {
    let text = readFileSync(corpusFile('003'), 'utf8');
    for (let k = 0; k < 2; k++) {
      const legacy = checkText(text).findings.find((f) => f.code === 'legacy-format');
      assert.ok(legacy?.fix, `legacy-format ${k + 1} has its quick-fix`);
      const after = applyEdits(text, legacy.fix.edits);
      assert.deepEqual(numberProblems(text, after, []), [], legacy.fix.title);
      text = after;
    }
    assert.deepEqual(
      checkText(text).findings.filter((f) => f.code === 'legacy-format'),
      [],
    );
    assert.ok(
      text.includes(
        '注：转换前旧格式「其他对外管理服务事项」中新格式没有对应栏目的数字：上一年项目数量 269，本年增/减 8(减)，处理决定数量 261。',
      ),
      text,
    );
    assert.ok(text.includes('注：转换前旧格式「行政处罚」中新格式没有对应栏目的数字：上一年项目数量 24，本年增/减 10(减)。'));
    assert.ok(text.includes('注：转换前旧格式「政府集中采购」中新格式没有对应栏目的数字：采购项目数量 0，采购总金额 0。'));
    assert.ok(text.includes('行政处罚 | 14 |'), '处理决定数量 becomes 本年处理决定数量');
    // 本年废止件数, 现行有效件数 and 本年收费金额 cannot come from the 2019 columns: reported, not 0.
    const toFill = checkText(text)
      .findings.filter((f) => f.code === 'cell-missing')
      .map((f) => `${f.data?.row}#${f.data?.column}`);
    assert.deepEqual(toFill.sort(), ['t2.fees#0', 't2.normative#1', 't2.normative#2', 't2.rules#1', 't2.rules#2']);
    // （六）其他处理 was 0 in every column: each of its three parts is 0, nothing to fill.
    assert.ok(text.includes('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |'));
  });

  describe('over LSP', () => {
    const session = new LspSession();
    const uri = 'file:///tmp/nianbao-safety/003.txt';
    const text = readFileSync(corpusFile('003'), 'utf8');
    let diagnostics: Diagnostic[] = [];
    before(async () => {
      await session.start();
      diagnostics = (await session.open(uri, 'nianbao', text)).diagnostics;
    });
    after(() => session.kill());

    test('source.fixAll (fix on save) converts nothing; the conversion is offered as the quick-fix of its diagnostic only', async () => {
      const all = await session.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      for (const action of all) {
        const fixed = applyEdits(text, action.edit!.changes![uri] as TextEdit[]);
        assert.ok(fixed.includes('其他对外管理服务事项 | 269 | 8(减) | 261 |'), 'table 2 untouched');
        assert.ok(fixed.includes('(六)其他处理 | 0 | 0 |'), 'table 3 untouched');
      }
      const legacy = diagnostics.filter((d) => d.code === 'legacy-format');
      assert.equal(legacy.length, 2);
      const quick = await session.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: firstOf(legacy).range,
        context: { diagnostics: legacy, only: ['quickfix'] },
      });
      assert.equal(quick.length, 2, JSON.stringify(quick.map((a) => a.title)));
      assert.ok(
        quick.every((a) => a.title.startsWith('转换为 2021 年格式')),
        'no "fix all legacy-format" action',
      );
    });
  });
});

/** Consistent data where a result row (not the last) has a small 自然人 count and a total large enough to lower. */
function dataWithSmallPart(): { data: ReportData; rowId: string } {
  for (let seed = 1; seed < 500; seed++) {
    const data = consistentData(seed);
    const rowId = TABLE3_RESULT_ROW_IDS.slice(0, -1).find(
      (id) => firstOf(rowOf(data.table3, id)) <= 2 && nth(rowOf(data.table3, id), 6) >= 6,
    );
    if (rowId) return { data, rowId };
  }
  throw new Error('fixture: no such data');
}

describe('a count is never negative', () => {
  test("two wrong cells (a row total too low, a later row's 自然人 too high by as much): no 「应为 -N」; both are set back", () => {
    // Both wrong cells break their row totals and （七）总计·自然人 by the same difference: the first row's
    // 自然人 "explains" both only if it became negative, which a count cannot be.
    const { data, rowId } = dataWithSmallPart();
    const later = defined(TABLE3_RESULT_ROW_IDS.at(-1), 'the last result row');
    const k = firstOf(rowOf(data.table3, rowId)) + 3;
    const faulty = cloneData(data);
    const row = rowOf(faulty.table3, rowId);
    row[6] = nth(row, 6) - k;
    const laterRow = rowOf(faulty.table3, later);
    laterRow[0] = firstOf(laterRow) + k;
    const text = renderReport(faulty, 'pipe').text;
    const findings = checkText(text).findings;
    assertNoNegativeRepair(findings, text);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.data?.row}#${f.data?.column}`);
    assert.deepEqual(errors.sort(), [`row-total ${later}#0`, `row-total ${rowId}#6`].sort(), describeFindings(findings, text));
    assert.equal(fixAll(text).text, renderReport(data, 'pipe').text, 'fix-all restores both numbers');
  });

  test('一 + 二 less than （七）总计: the balance names the numbers that disagree, says no 应为 -N and has no fix', () => {
    const data = consistentData(11);
    const column = rowOf(data.table3, 't3.new').findIndex((v, c) => c < 6 && v > nth(rowOf(data.table3, 't3.carriedOut'), 6));
    assert.ok(column >= 0, 'fixture: a column of 一 larger than 四·总计');
    const k = nth(rowOf(data.table3, 't3.carriedOut'), 6) + 1;
    const faulty = cloneData(data);
    const fresh = rowOf(faulty.table3, 't3.new');
    fresh[column] = nth(fresh, column) - k;
    fresh[6] = nth(fresh, 6) - k;
    const text = renderReport(faulty, 'markdown').text;
    const findings = checkText(text).findings;
    assertNoNegativeRepair(findings, text);
    const balance = findings.filter((f) => f.code === 'balance');
    assert.equal(balance.length, 2, describeFindings(findings, text));
    for (const f of balance) {
      assert.equal(f.fix, undefined);
      const c = f.data?.column as number;
      const inflow = nth(rowOf(faulty.table3, 't3.new'), c) + nth(rowOf(faulty.table3, 't3.carriedIn'), c);
      assert.ok(f.message.includes(`= ${inflow}，小于（七）总计 ${rowOf(faulty.table3, 't3.resultsTotal')[c]}`), f.message);
      assert.ok(f.message.includes(`为 ${rowOf(faulty.table3, 't3.carriedOut')[c]}`), f.message);
    }
    const fixed = fixAll(text);
    assert.deepEqual(show(minus(negativesOf(fixed.text), negativesOf(text))), '');
  });

  test('a negative part: the row total, the table-4 total and a missing total get no negative value and no fix', () => {
    const data = consistentData(11);
    const rendered = renderReport(data, 'pipe');
    // 自然人 and 商业企业 of （二）部分公开 written as -40: its row total cannot be the sum (and no one
    // cell explains both the row total and the column totals).
    const negatives = { [cellKey('t3.partly', 0)]: '-40', [cellKey('t3.partly', 1)]: '-40' };
    const rowText = replaceCells(rendered, negatives);
    const rowFindings = checkText(rowText).findings;
    assertNoNegativeRepair(rowFindings, rowText);
    const rowTotal = rowFindings.find((f) => f.code === 'row-total' && f.data?.row === 't3.partly' && f.data?.column === 6);
    assert.ok(rowTotal, describeFindings(rowFindings, rowText));
    assert.equal(rowTotal.fix, undefined);
    assert.ok(rowTotal.message.includes(`为 ${rowOf(data.table3, 't3.partly')[6]}`), rowTotal.message);
    // The same row with its 总计 left blank: cell-missing asks for no value.
    const blankText = replaceCells(rendered, { ...negatives, [cellKey('t3.partly', 6)]: '' });
    const missing = checkText(blankText).findings.filter((f) => f.code === 'cell-missing');
    assert.equal(missing.length, 1, describeFindings(checkText(blankText).findings, blankText));
    assertNoNegativeRepair(missing, blankText);
    assert.equal(firstOf(missing).fix, undefined);
    // Table 4: 结果维持 of 行政复议 written as -9.
    const t4 = replaceCells(rendered, { [cellKey('t4.cases', 0)]: '-9' });
    const t4Findings = checkText(t4).findings;
    assertNoNegativeRepair(t4Findings, t4);
    for (const text of [rowText, blankText, t4]) {
      const result = fixAll(text);
      assert.deepEqual(show(minus(negativesOf(result.text), negativesOf(text))), '', 'fix-all writes no negative number');
    }
  });
});

describe('a fix replaces its target and nothing more', () => {
  test('corpus 005: fix-all keeps the PDF page numbers (-1- … -5-); the quick-fix of each still removes it', () => {
    const text = readFileSync(corpusFile('005'), 'utf8');
    const footers = checkText(text).findings.filter((f) => f.code === 'conversion-artifact' && /\d/.test(String(f.data?.replaced)));
    assert.equal(footers.length, 5, describeFindings(footers, text));
    const fixed = fixAll(text);
    for (const n of [1, 2, 3, 4, 5]) assert.match(fixed.text, new RegExp(`^\\s*-${n}-\\s*$`, 'm'), `-${n}- kept`);
    assert.deepEqual(
      fixed.fixed.filter((f) => f.code === 'conversion-artifact'),
      [],
    );
    for (const f of footers) {
      assert.equal(f.fix?.explicitOnly, true);
      assert.ok(!applyEdits(text, f.fix!.edits).includes(String(f.data?.replaced)), `「${f.fix!.title}」 removes its line`);
    }
  });

  test('a heading with the next line joined to it: the wording fix would delete that line, so there is none', () => {
    const lines = renderReport(consistentData(11), 'pipe').text.split('\n');
    const six = lines.findIndex((l) => l === standardHeading(6));
    lines.splice(six, 2, lines[six] + nth(lines, six + 1, 'line').trim());
    const text = lines.join('\n');
    const wording = checkText(text).findings.filter((f) => f.code === 'heading-wording');
    assert.equal(wording.length, 1, describeFindings(checkText(text).findings, text));
    assert.equal(firstOf(wording).fix, undefined);
    const fixed = fixAll(text);
    assert.ok(fixed.text.includes('年度，我单位未收取信息处理费'), 'the joined sentence is kept');
    assert.deepEqual(numberProblems(text, fixed.text, fixAllTargets(fixed.fixed)), []);
  });
});
