// A 【…】 prompt of the template left in a report is a placeholder warning (issue 10, item 5), and the
// title-missing fix, which writes 【机关名称】 when the report names no agency, does not make a report pass.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, fixAll } from '../shared/src/fixes/index';
import { PROSE_PROMPTS } from '../shared/src/template';
import { checkedFindings, describeFindings, documentLines, textAt } from './support/findings';
import { consistentData, renderReport, reportTitle } from './support/reportFixture';

const data = consistentData(3);

function placeholdersOf(text: string): string[] {
  const lines = documentLines(text);
  return checkedFindings(text)
    .filter((f) => f.code === 'placeholder')
    .map((f) => `${f.severity} ${f.range.start.line}:${f.range.start.character} ${textAt(lines, f.range)}`);
}

test('the title prompt 【机关名称】 is a placeholder warning, at its exact range', () => {
  for (const encoding of ['markdown', 'cell-per-line'] as const) {
    const text = renderReport(data, encoding).text.replace(reportTitle(data), `【机关名称】${data.year}年政府信息公开工作年度报告`);
    assert.deepEqual(placeholdersOf(text), ['warning 0:0 【机关名称】'], describeFindings(checkedFindings(text), text));
  }
});

test('a prose prompt of the template left in section 五 is a placeholder warning; the clean report has none', () => {
  const clean = renderReport(data, 'markdown').text;
  assert.deepEqual(placeholdersOf(clean), []);
  const lines = clean.split('\n');
  const five = lines.findIndex((l) => l.includes('五、存在的主要问题及改进情况'));
  lines.splice(five + 1, 0, `　　${PROSE_PROMPTS.problems}`);
  const text = lines.join('\n');
  assert.deepEqual(placeholdersOf(text), [`warning ${five + 1}:2 ${PROSE_PROMPTS.problems}`]);
});

test('【】 that are no prompt of the template are not findings; a prompt in a comment is not either', () => {
  const text = renderReport(data, 'markdown').text.replace(
    '## 五、存在的主要问题及改进情况',
    '## 五、存在的主要问题及改进情况\n\n【典型案例】某申请人……\n\n<!-- 【机关名称】 -->',
  );
  assert.deepEqual(placeholdersOf(text), []);
});

test('the title-missing fix does not make a report pass: without an agency it writes 【机关名称】, which stays a finding', () => {
  // No title, and no agency in the closing: the fix cannot know the agency.
  const whole = renderReport(data, 'markdown').text;
  const text = whole.replace(`${reportTitle(data)}\n\n`, '').replace(`\n${data.agency}\n`, '\n');
  const before = checkedFindings(text);
  const missing = before.find((f) => f.code === 'title-missing');
  assert.ok(missing?.fix, describeFindings(before, text));
  const fixed = applyEdits(text, missing.fix.edits);
  assert.match(fixed, /^# 【机关名称】\d{4}年政府信息公开工作年度报告/);
  const after = checkedFindings(fixed);
  assert.ok(!after.some((f) => f.code === 'title-missing'), 'the title is there');
  assert.deepEqual(placeholdersOf(fixed), ['warning 0:2 【机关名称】'], describeFindings(after, fixed));
  // Fix-all likewise: the prompt is left for the author, and reported.
  assert.ok(fixAll(text).remaining.some((f) => f.code === 'placeholder'));
});

test('a disable comment turns placeholder off like any code', () => {
  const text = renderReport(data, 'markdown').text.replace(
    reportTitle(data),
    `<!-- nianbao-disable-next-line placeholder -->\n【机关名称】${data.year}年政府信息公开工作年度报告`,
  );
  assert.deepEqual(placeholdersOf(text), []);
});
