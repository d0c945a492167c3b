// The eight real reports of ../shared/corpus against EXPECTED.md: every error, warning and
// info finding listed there, at the listed line, and nothing else (hints are allowed).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../shared/src/engine';
import type { Finding, ReportModel } from '../shared/src/model';
import { EXPECTED } from './support/expectedCorpus';
import { corpusText } from './support/corpus';
import { firstOf, nth } from './support/defined';

function load(name: string): { model: ReportModel; findings: Finding[]; lines: string[] } {
  const text = corpusText(name);
  const errors: string[] = [];
  const { model, findings } = checkText(text, { onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(errors, [], 'no rule may throw');
  return { model, findings, lines: model.lines };
}

/** `code@line` (1-based) of every finding but hints, sorted. */
function verdicts(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity !== 'hint')
    .map((f) => `${f.severity} ${f.code}@${f.range.start.line + 1}`)
    .sort();
}

function range(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character}-${f.range.end.line + 1}:${f.range.end.character}`;
}

function textOf(lines: string[], f: Finding): string {
  assert.equal(f.range.start.line, f.range.end.line, 'single-line range');
  return nth(lines, f.range.start.line, 'line').slice(f.range.start.character, f.range.end.character);
}

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`corpus ${name}: the findings of EXPECTED.md, and no others`, () => {
    const { findings } = load(name);
    assert.deepEqual(verdicts(findings), [...expected].sort());
  });
}

test('000: title over lines 1–2, closing date 2025年1月10日, bookmark hint at line 399, 行政处罚 16/18/11 read as 2019 columns', () => {
  const { model, findings } = load('000_50ad684e5c01058f.txt');
  assert.deepEqual(model.title?.lines, [0, 1]);
  assert.equal(model.title?.agency, '泽州县卫生健康和体育局');
  assert.equal(model.year, 2024);
  assert.deepEqual(model.closing.date, { year: 2025, month: 1, day: 10 });
  assert.equal(model.tables.table2?.format, '2019');
  const penalty = model.tables.table2?.rows.find((r) => r.id === 't2.penalty');
  assert.deepEqual(
    penalty?.cells.map((c) => c?.value),
    [16, 18, 11],
  );
  const hint = findings.find((f) => f.code === 'conversion-artifact' && f.range.start.line === 398);
  assert.ok(hint, 'bookmark hint on line 399');
  assert.deepEqual(new Set(model.sections.map((s) => s.heading.section)).size, 6);
});

test('001: web-page chrome is at most a hint; the title is line 5; 现行有效件 is the 现行有效件数 column', () => {
  const { model, findings } = load('001_379ac197dfb659af.txt');
  assert.deepEqual(model.title?.lines, [4]);
  assert.deepEqual(model.closing.date, { year: 2025, month: 1, day: 21 });
  assert.equal(model.tables.table2?.format, '2021');
  assert.equal(model.tables.table2?.rows.length, 6);
  const chrome = findings.filter((f) => f.code === 'conversion-artifact').map((f) => f.range.start.line + 1);
  assert.ok(chrome.includes(603), '关闭本页 is chrome');
  assert.ok(findings.every((f) => f.code !== 'conversion-artifact' || f.severity === 'hint'));
});

test('002: heading-numbering ranges are the numerals 3、 and 4、 and their fixes write 三、 and 四、', () => {
  const { model, findings, lines } = load('002_af8524dfc621a99c.txt');
  const numbering = findings.filter((f) => f.code === 'heading-numbering');
  assert.deepEqual(numbering.map(range), ['57:0-57:2', '361:0-361:2']);
  assert.deepEqual(
    numbering.map((f) => textOf(lines, f)),
    ['3、', '4、'],
  );
  assert.deepEqual(
    numbering.map((f) => f.fix?.edits[0]?.newText),
    ['三、', '四、'],
  );
  // The fix replaces `3、 ` (numeral, separator and the blank after it).
  assert.equal(firstOf(numbering).fix?.edits[0]?.range.end.character, 3);
  // They are still sections 三 and 四.
  assert.deepEqual(
    model.sections.map((s) => s.heading.section),
    [1, 2, 3, 4, 5, 6],
  );
  // `[bookmark: _GoBack]2808` is the number 2808 (行政许可) plus a hint.
  const licensing = model.tables.table2?.rows.find((r) => r.id === 't2.licensing');
  assert.equal(licensing?.cells[0]?.value, 2808);
  assert.equal(licensing?.cells[0]?.line, 34);
  assert.ok(findings.some((f) => f.code === 'conversion-artifact' && f.range.start.line === 34));
  assert.deepEqual(model.title?.lines, [0, 1]);
});

test('003: 8(减) and 10(减) are −8 and −10 in the 本年增/减 column, not cell-not-number', () => {
  const { model, findings } = load('003_558acb648baee211.txt');
  const rows = model.tables.table2?.rows ?? [];
  assert.deepEqual(
    rows.find((r) => r.id === 't2.otherServices')?.cells.map((c) => c?.value),
    [269, -8, 261],
  );
  assert.deepEqual(
    rows.find((r) => r.id === 't2.penalty')?.cells.map((c) => c?.value),
    [24, -10, 14],
  );
  assert.ok(!findings.some((f) => f.code === 'cell-not-number' || f.code === 'negative-number'));
  assert.equal(model.year, 2023);
  assert.equal(model.closing.agency, '盂县卫生健康和体育局');
  const title = findings.find((f) => f.code === 'title-missing');
  assert.match(title?.message ?? '', /盂县卫生健康和体育局2023年政府信息公开工作年度报告/);
});

test('004: prose `1. 收到和处理…` is not a heading; missing totals get the computed 0 at the empty cell', () => {
  const { model, findings, lines } = load('004_e78bd4d7919f679b.txt');
  assert.deepEqual(
    model.sections.map((s) => s.startLine + 1),
    [7, 45, 63, 94, 101, 109],
  );
  const missing = findings.filter((f) => f.code === 'cell-missing');
  for (const f of missing) {
    // Zero-width, at the end of the row: the empty 总计 cell after the last tab.
    assert.equal(f.range.start.character, f.range.end.character);
    assert.equal(f.range.start.character, nth(lines, f.range.start.line, 'line').length);
    assert.equal(f.data?.value, 0);
  }
  const labels = findings.filter((f) => f.code === 'row-label-missing');
  assert.equal(firstOf(labels).data?.label, '1.属于国家秘密');
  assert.equal(nth(labels, labels.length - 1).data?.label, '3.其他');
});

test('005: pdftotext layout: wrapped labels, page footers, split total row; two review-total errors on line 149', () => {
  const { model, findings, lines } = load('005_hongze_2023_pdftotext.txt');
  assert.deepEqual(model.title?.lines, [0, 1]);
  assert.equal(model.title?.year, 2023);
  const t3 = model.tables.table3!;
  const value = (id: string, col: number) => t3.rows.find((r) => r.id === id)?.cells[col]?.value;
  assert.equal(value('t3.new', 6), 21);
  assert.equal(value('t3.partly', 0), 4);
  assert.equal(t3.rows.find((r) => r.id === 't3.partly')?.cells[0]?.line, 100);
  assert.equal(value('t3.withheld.2', 0), 0, 'the typo 其他法律行政止公开 is still row （三）2');
  assert.equal(value('t3.unable.1', 0), 10);
  assert.equal(value('t3.resultsTotal', 6), 21);
  const review = findings.filter((f) => f.code === 'review-total');
  assert.deepEqual(
    review.map((f) => textOf(lines, f)),
    ['0', '0'],
  );
  assert.deepEqual(
    review.map((f) => f.data?.expected),
    [11, 5],
  );
  assert.deepEqual(
    review.map((f) => f.fix?.title),
    ['改为 11', '改为 5'],
  );
  assert.equal(firstOf(review).related?.length, 4);
  assert.ok(!findings.some((f) => f.code === 'section-missing' || f.code === 'heading-numbering'));
});

test('006: one-line web page: headings, cells and closing found inside line 10; every run of seven digits splits one way', () => {
  const { model, findings, lines } = load('006_pingtan_police_2021_onepage.txt');
  assert.equal(model.isReport, true);
  assert.deepEqual(model.title?.lines, [0], 'the crawler header names the title');
  assert.equal(model.title?.agency, '平潭综合实验区公安局');
  assert.equal(model.year, 2021);
  assert.deepEqual(model.closing.date, { year: 2022, month: 1, day: 7 });
  assert.equal(model.closing.agency, '平潭综合实验区公安局');
  assert.deepEqual(
    model.sections.map((s) => [s.heading.section, s.heading.line]),
    [1, 2, 3, 4, 5, 6].map((n) => [n, 9]),
  );
  const t3 = model.tables.table3!;
  const row = (id: string) => t3.rows.find((r) => r.id === id)!;
  assert.deepEqual(
    row('t3.new').cells.map((c) => c?.value),
    [1, 0, 0, 0, 0, 0, 1],
  );
  assert.deepEqual(
    row('t3.otherHandling.3').cells.map((c) => c?.value),
    [1, 0, 0, 0, 0, 0, 1],
  );
  assert.equal(t3.rows.length, 25);
  // A split cell's range is its own digit.
  for (const c of row('t3.carriedOut').cells) {
    assert.equal(c!.end - c!.start, 1);
    assert.equal(nth(lines, c!.line, 'line').slice(c!.start, c!.end), c!.text);
  }
  assert.deepEqual(
    model.tables.table2?.rows.map((r) => r.cells.map((c) => c?.value)),
    [[0, 0, 0], [0, 0, 2], [0], [141], [0], [0]],
  );
  assert.deepEqual(
    model.tables.table4?.rows[0]?.cells.map((c) => c?.value),
    new Array(15).fill(0),
  );
  const balance = findings.filter((f) => f.code === 'balance');
  assert.ok(balance.length >= 1);
  for (const f of balance) assert.equal(textOf(lines, f), '1');
  assert.ok(!findings.some((f) => f.code === 'cell-not-number' || f.code === 'title-missing'));
});

test('007: web page with TABs: a 2021 table 2 saying 规范性文件, five blank columns reported once each with a fix for the column', () => {
  const { model, findings, lines } = load('007_shuyang_fgj_2023_tabs.txt');
  assert.deepEqual(model.title?.lines, [8]);
  assert.equal(model.tables.table2?.format, '2021');
  assert.equal(model.tables.table2?.rows.find((r) => r.id === 't2.normative')?.cells[2]?.value, 18);
  const wording = findings.find((f) => f.code === 'label-wording');
  assert.equal(textOf(lines, wording!), '规范性文件');
  assert.equal(wording?.fix?.edits[0]?.newText, '行政规范性文件');
  const missing = findings.filter((f) => f.code === 'cell-missing');
  assert.deepEqual(
    missing.map((f) => f.data?.column),
    [1, 2, 3, 4, 5],
  );
  for (const f of missing) {
    assert.equal(f.related?.length, 24, 'the other 24 blank cells of the column');
    assert.equal(f.fix?.edits.length, 25);
    assert.ok(f.fix?.edits.every((e) => e.newText === '0'));
  }
  assert.ok(
    !findings.some((f) => ['row-total', 'results-total', 'balance', 'legacy-format', 'row-missing', 'section-missing'].includes(f.code)),
  );
  assert.deepEqual(
    model.sections.map((s) => s.heading.section),
    [1, 2, 3, 4, 5, 6],
  );
  const chrome = findings.filter((f) => f.code === 'conversion-artifact').map((f) => f.range.start.line + 1);
  assert.deepEqual(chrome, [1, 2, 3, 4, 5, 6, 7, 8]);
});
