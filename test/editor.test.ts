// The editor features as pure functions over real reports of ../shared/corpus: outline (document
// symbols), folding ranges, hover and completion. The server only maps these results to LSP types
// (covered over stdio in editorServer.test.ts).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, type CompletionEntry } from '../shared/src/completion';
import { hoverAt } from '../shared/src/hover';
import type { Position, Range, ReportModel } from '../shared/src/model';
import { foldingRanges, outline, type OutlineSymbol } from '../shared/src/outline';
import { readReport } from '../shared/src/reader';
import { standardHeading } from '../shared/src/template';
import { corpusText } from './support/corpus';
import { firstOf, nth } from './support/defined';

function corpus(prefix: string): { text: string; model: ReportModel; lines: string[] } {
  const text = corpusText(prefix);
  return { text, model: readReport(text), lines: text.split(/\r\n|\n|\r/) };
}

function example(name: string): { text: string; model: ReportModel; lines: string[] } {
  const text = readFileSync(join('examples', name), 'utf8');
  return { text, model: readReport(text), lines: text.split(/\r\n|\n|\r/) };
}

/** 0-based position of the first occurrence of `needle` on the 1-based `line`, plus `offset` characters. */
function at(lines: string[], line: number, needle: string, offset = 0): Position {
  const character = nth(lines, line - 1, 'line').indexOf(needle);
  assert.ok(character >= 0, `「${needle}」 not on line ${line}: ${lines[line - 1]}`);
  return { line: line - 1, character: character + offset };
}

/** The first line (1-based) whose text contains `needle`, from `after` on. */
function lineOf(lines: string[], needle: string, after = 0): number {
  const i = lines.findIndex((l, k) => k >= after && l.includes(needle));
  assert.ok(i >= 0, `no line contains 「${needle}」`);
  return i + 1;
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function walk(symbols: OutlineSymbol[], visit: (s: OutlineSymbol, parent?: OutlineSymbol) => void, parent?: OutlineSymbol): void {
  for (const s of symbols) {
    visit(s, parent);
    walk(s.children, visit, s);
  }
}

const labels = (entries: CompletionEntry[]) => entries.map((e) => e.label);
const sorted = (entries: CompletionEntry[]) =>
  [...entries].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));

// ---------------------------------------------------------------------------

describe('outline (document symbols)', () => {
  test('002: the title, the six sections in order, a table in sections 二 三 四, the closing', () => {
    const { model } = corpus('002');
    const symbols = outline(model);
    assert.equal(firstOf(symbols).kind, 'title');
    assert.equal(firstOf(symbols).name, '2024年东昌区卫健局政府信息公开工作年度报告');
    const sections = symbols.filter((s) => s.kind === 'section');
    assert.deepEqual(
      sections.map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '3、 收到和处理政府信息公开申请情况',
        '4、 政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    // A heading written differently shows the standard wording as its detail.
    assert.equal(nth(sections, 2).detail, standardHeading(3));
    assert.equal(firstOf(sections).detail, undefined);
    assert.deepEqual(
      sections.map((s) => s.children.filter((c) => c.kind === 'table').map((c) => c.name)),
      [
        [],
        ['表二（主动公开政府信息情况）'],
        ['表三（收到和处理政府信息公开申请情况）'],
        ['表四（政府信息公开行政复议、行政诉讼情况）'],
        [],
        [],
      ],
    );
    assert.deepEqual(
      nth(sections, 5).children.map((c) => [c.kind, c.name]),
      [['closing', '东昌区卫生健康局 2025年1月6日']],
    );
  });

  test('002: table 三 has its row groups nested as in the template, rows with their numbers', () => {
    const { model } = corpus('002');
    const table3 = firstOf(outline(model).find((s) => s.name.includes('收到和处理'))!.children);
    assert.deepEqual(
      table3.children.map((c) => `${c.kind}:${c.name}`),
      [
        'row:一、本年新收政府信息公开申请数量',
        'row:二、上年结转政府信息公开申请数量',
        'group:三、本年度办理结果',
        'row:四、结转下年度继续办理',
      ],
    );
    const results = nth(table3.children, 2);
    assert.deepEqual(
      results.children.map((c) => `${c.kind}:${c.name}`),
      [
        'row:（一）予以公开',
        'row:（二）部分公开',
        'group:（三）不予公开',
        'group:（四）无法提供',
        'group:（五）不予处理',
        'group:（六）其他处理',
        'row:（七）总计',
      ],
    );
    assert.equal(nth(results.children, 2).children.length, 8);
    assert.equal(firstOf(nth(results.children, 2).children).name, '1.属于国家秘密');
    assert.equal(firstOf(table3.children).detail, '0 0 0 0 0 0 0');
  });

  test('table 四 shows its three groups; table 二 its four blocks', () => {
    const { model } = corpus('003');
    const symbols = outline(model);
    const table4 = symbols.find((s) => s.name.includes('行政复议'))!.children.find((c) => c.kind === 'table')!;
    assert.deepEqual(
      table4.children.map((c) => c.name),
      ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'],
    );
    const table2 = symbols.find((s) => s.name.includes('主动公开'))!.children.find((c) => c.kind === 'table')!;
    assert.equal(table2.detail, '2019 年格式 · 竖线分隔');
    assert.equal(firstOf(outline(model, 'en').find((s) => s.name.includes('主动公开'))!.children).detail, '2019 format · pipe rows');
    assert.deepEqual(
      table2.children.map((c) => c.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项', '第二十条第（九）项'],
    );
  });

  test('every symbol on every corpus file: selection inside its range, children inside their parent', () => {
    for (const seed of ['000', '001', '002', '003', '004', '005']) {
      const { model } = corpus(seed);
      const symbols = outline(model);
      assert.ok(symbols.filter((s) => s.kind === 'section').length >= 6, `${seed}: six sections`);
      walk(symbols, (s, parent) => {
        assert.ok(s.name.length > 0, `${seed}: a name`);
        assert.ok(contains(s.range, s.selectionRange), `${seed}: ${s.name} selection inside range`);
        if (parent) assert.ok(contains(parent.range, s.range), `${seed}: ${s.name} inside ${parent.name}`);
      });
    }
  });

  test('a text without headings has an empty outline', () => {
    assert.deepEqual(outline(readReport('# build-stats\n\nMonthly download counts.\n')), []);
  });
});

describe('folding ranges', () => {
  test('002: one range per section (to its last line of text) and per table and row group', () => {
    const { model, lines } = corpus('002');
    const folds = foldingRanges(model);
    const starts = (needle: string, after = 0) => folds.filter((f) => f.startLine === lineOf(lines, needle, after) - 1);
    // Sections: from the heading to the last non-blank line before the next heading.
    assert.deepEqual(
      starts('一、总体情况').map((f) => f.endLine),
      [lineOf(lines, '二、主动公开政府信息情况') - 2],
    );
    const section3 = starts('3、 收到和处理');
    assert.equal(section3.length, 1);
    const table3 = model.tables.table3!;
    assert.ok(
      folds.some((f) => f.startLine === table3.startLine && f.endLine === table3.endLine),
      'table 三 folds',
    );
    assert.ok(
      folds.some((f) => f.startLine === model.tables.table2!.startLine && f.endLine === model.tables.table2!.endLine),
      'table 二 folds',
    );
    // （三）不予公开: from its own label line to its last row.
    const withheld = starts('（三）不予公开', table3.startLine);
    assert.equal(withheld.length, 1);
    assert.equal(nth(lines, firstOf(withheld).endLine, 'line').trim() === '' ? -1 : 0, 0, 'ends on text');
    for (const f of folds) assert.ok(f.endLine > f.startLine, 'multi-line only');
  });

  test('the last section ends at the report’s last line of text (005 ends inside section 六)', () => {
    const { model, lines } = corpus('005');
    const last = foldingRanges(model).filter((f) => f.startLine === nth(model.sections, model.sections.length - 1).startLine);
    assert.equal(last.length, 1);
    assert.ok(nth(lines, firstOf(last).endLine, 'line').trim().length > 0);
  });
});

describe('hover', () => {
  test('on a section heading: the standard wording and what the section holds (003, 政务 for 政府)', () => {
    const { model, lines } = corpus('003');
    const hover = hoverAt(model, at(lines, 8, '主动公开'))!;
    assert.match(hover.markdown, /第二部分 · 主动公开政府信息情况/);
    assert.match(hover.markdown, /标准标题：`二、主动公开政府信息情况`（此处的写法与标准表述不同）/);
    assert.match(hover.markdown, /含表二/);
    assert.equal(hover.range.start.line, 7);
  });

  test('on a wrongly numbered heading: the numeral it should have (002 `3、`)', () => {
    const { model, lines } = corpus('002');
    const hover = hoverAt(model, at(lines, 57, '3'))!;
    assert.match(hover.markdown, /序号应为「三、」/);
  });

  test('on a row label: what the row counts and the checks it takes part in', () => {
    const { model, lines } = corpus('003');
    const line = lineOf(lines, '4.保护第三方合法权益');
    const hover = hoverAt(model, at(lines, line, '保护'))!;
    assert.match(hover.markdown, /\*\*（三）不予公开·4\.保护第三方合法权益\*\*/);
    assert.match(hover.markdown, /第十五条/);
    assert.match(hover.markdown, /`row-total`/);
    assert.match(hover.markdown, /`results-total`：计入「（七）总计」/);
    assert.doesNotMatch(hover.markdown, /`balance`/);
    const carriedIn = hoverAt(model, at(lines, lineOf(lines, '二、上年结转'), '上年'))!;
    assert.match(carriedIn.markdown, /`balance`/);
    // The cross-check it takes part in: the figures of the text.
    assert.match(carriedIn.markdown, /`narrative-mismatch`/);
    assert.match(hoverAt(model, at(lines, lineOf(lines, '一、本年新收'), '本年'))!.markdown, /`narrative-mismatch`：与正文所述的件数对照/);
    const table2 = hoverAt(model, at(lines, lineOf(lines, '行政处罚 |'), '行政处罚'))!;
    assert.match(table2.markdown, /表二各项之间没有勾稽关系/);
  });

  test('on （七）总计: the computed sum of the results with its non-zero terms (005)', () => {
    const { model, lines } = corpus('005');
    const line = lineOf(lines, '（七）总计');
    const hover = hoverAt(model, at(lines, line, '21'))!;
    assert.match(hover.markdown, /\*\*（七）总计·自然人\*\*/);
    assert.match(hover.markdown, /计算：4 \+ 1 \+ 1 \+ 1 \+ 10 \+ 3 \+ 1 = \*\*21\*\*/);
    assert.match(hover.markdown, /- （三）不予公开·6\.属于四类过程性信息：1/);
    assert.match(hover.markdown, /其余 \d+ 项为 0/);
    assert.match(hover.markdown, /✓ 与所填一致/);
    assert.deepEqual(hover.range, {
      start: { line: line - 1, character: nth(lines, line - 1, 'line').indexOf('21') },
      end: { line: line - 1, character: nth(lines, line - 1, 'line').indexOf('21') + 2 },
    });
  });

  test('on a row total: the six applicant columns summed', () => {
    const { model, lines } = corpus('005');
    const line = lineOf(lines, '一、本年新收');
    const hover = hoverAt(
      model,
      at(lines, line, '21', nth(lines, line - 1, 'line').lastIndexOf('21') - nth(lines, line - 1, 'line').indexOf('21')),
    )!;
    assert.match(hover.markdown, /本行总计（六类申请人之和）/);
    assert.match(hover.markdown, /计算：21 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = \*\*21\*\*/);
    assert.match(hover.markdown, /- 自然人：21/);
  });

  test('on a wrong table-4 total: the computed sum and how far the number written is off (005 line 149)', () => {
    const { model, lines } = corpus('005');
    const row = firstOf(model.tables.table4!.rows);
    const total = row.cells[4]!;
    const hover = hoverAt(model, { line: total.line, character: total.start })!;
    assert.match(hover.markdown, /行政复议总计（四项之和）/);
    assert.match(hover.markdown, /计算：10 \+ 1 \+ 0 \+ 0 = \*\*11\*\*/);
    assert.match(hover.markdown, /✗ 所填为 0，差 -11/);
    assert.equal(nth(lines, total.line, 'line').slice(hover.range.start.character, hover.range.end.character), '0');
  });

  test('on 四、结转下年度继续办理: the balance 一 + 二 − （七）', () => {
    const { model, lines } = example('consistent.nianbao.md');
    const line = lineOf(lines, '| 四、结转下年度继续办理');
    const cell = model.tables.table3!.rows.find((r) => r.id === 't3.carriedOut')!.cells[0]!;
    const hover = hoverAt(model, { line: line - 1, character: cell.start })!;
    assert.match(hover.markdown, /结转下年度 = 一 \+ 二 − （七）/);
    assert.match(hover.markdown, /计算：38 \+ 2 − 37 = \*\*3\*\*/);
  });

  test('in English', () => {
    const { model, lines } = corpus('005');
    const hover = hoverAt(model, at(lines, lineOf(lines, '（七）总计'), '21'), 'en')!;
    assert.match(hover.markdown, /Computed: 4 \+ 1 \+ 1 \+ 1 \+ 10 \+ 3 \+ 1 = \*\*21\*\*/);
    assert.match(hover.markdown, /matches the number written/);
  });

  test('nothing on prose', () => {
    const { model, lines } = corpus('003');
    assert.equal(hoverAt(model, { line: 2, character: 5 }), undefined);
    assert.ok(lines.length > 3);
  });
});

describe('completion', () => {
  /** A copy of consistent.nianbao.md with the line holding `needle` emptied; the cursor on it. */
  function withEmptiedLine(needle: string): { model: ReportModel; pos: Position } {
    const { lines } = example('consistent.nianbao.md');
    const i = lines.findIndex((l) => l.includes(needle));
    const edited = [...lines];
    edited[i] = '';
    return { model: readReport(edited.join('\n')), pos: { line: i, character: 0 } };
  }

  test('in table 三, the next missing row comes first and inserts a whole Markdown row with zeros', () => {
    const { model, pos } = withEmptiedLine('| 2.重复申请 |');
    const entries = sorted(completionsAt(model, pos));
    const first = firstOf(entries);
    assert.equal(first.label, '2.重复申请');
    assert.equal(first.preselect, true);
    assert.match(first.detail!, /（五）不予处理 · 下一个缺少的行/);
    assert.equal(first.snippet, true);
    assert.equal(first.insertText, '| 2.重复申请 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |');
    assert.match(first.documentation!, /重复申请/);
    // Then the rest of the template, in order; rows already there last.
    const rows = entries.filter((e) => e.kind === 'row');
    assert.equal(rows.length, 25);
    assert.equal(nth(rows, rows.length - 1).detail?.endsWith('已有'), true);
    assert.ok(labels(entries).includes('自然人'), 'column headers too');
    assert.ok(labels(entries).includes('（五）不予处理'), 'group labels too');
  });

  test('the next missing row follows the row above the cursor, not the first gap of the table', () => {
    const { lines } = example('consistent.nianbao.md');
    const edited = lines.filter((l) => !l.includes('| 1.属于国家秘密 |') && !l.includes('| 3.其他 |'));
    const model = readReport(edited.join('\n'));
    const below = edited.findIndex((l) => l.includes('| （七）总计 |'));
    edited.splice(below, 0, '');
    const withGap = readReport(edited.join('\n'));
    const first = firstOf(sorted(completionsAt(withGap, { line: below, character: 0 })));
    assert.equal(first.label, '3.其他');
    assert.ok(model.tables.table3);
  });

  test('typing in a cell: the label only, replacing what was typed, matchable without its numbering', () => {
    const { lines } = example('consistent.nianbao.md');
    const i = lines.findIndex((l) => l.includes('| 2.重复申请 |'));
    const edited = [...lines];
    edited[i] = '| 重复';
    const entries = completionsAt(readReport(edited.join('\n')), { line: i, character: 4 });
    const entry = entries.find((e) => e.label === '2.重复申请')!;
    assert.equal(entry.insertText, '2.重复申请');
    assert.equal(entry.snippet, undefined);
    assert.deepEqual(entry.range, { start: { line: i, character: 2 }, end: { line: i, character: 4 } });
    assert.match(entry.filterText, / 重复申请$/);
  });

  test('in table 三 of a plain-text corpus file (004, tab rows): row labels, then column headers', () => {
    const { model, lines } = corpus('004');
    const line = lineOf(lines, '一、本年新收');
    const entries = sorted(completionsAt(model, { line: line - 1, character: 0 }));
    assert.equal(entries.find((e) => e.kind === 'row')!.snippet, undefined);
    const columns = entries.filter((e) => e.kind === 'column').map((e) => e.label);
    assert.deepEqual(columns, [
      '申请人情况',
      '自然人',
      '法人或其他组织',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
  });

  test('in table 四: column headers, no rows', () => {
    const { model, lines } = corpus('003');
    const entries = completionsAt(model, { line: lineOf(lines, '结果维持') - 1, character: 0 });
    assert.equal(entries.filter((e) => e.kind === 'row').length, 0);
    assert.ok(labels(entries).includes('未经复议直接起诉'));
    assert.ok(labels(entries).includes('尚未审结'));
  });

  test('outside a table: the six standard headings, the missing one first, with the document’s `##`', () => {
    const { lines } = example('consistent.nianbao.md');
    const start = lines.findIndex((l) => l.startsWith('## 五、'));
    const end = lines.findIndex((l) => l.startsWith('## 六、'));
    const edited = [...lines.slice(0, start), '', ...lines.slice(end)];
    const model = readReport(edited.join('\n'));
    const entries = sorted(completionsAt(model, { line: start, character: 0 }));
    assert.equal(firstOf(entries).label, '五、存在的主要问题及改进情况');
    assert.equal(firstOf(entries).insertText, '## 五、存在的主要问题及改进情况');
    assert.equal(firstOf(entries).preselect, true);
    assert.deepEqual(entries.filter((e) => e.kind === 'heading').length, 6);
  });

  test('on a heading line: headings replacing the words after the `##` and numeral-less prefix', () => {
    const { lines, model } = example('consistent.nianbao.md');
    const i = lines.findIndex((l) => l.startsWith('## 三、'));
    const entries = completionsAt(model, { line: i, character: 5 });
    assert.ok(entries.every((e) => e.kind === 'heading'));
    assert.deepEqual(firstOf(entries).range.start, { line: i, character: 3 });
  });

  test('opened by typing `|`: only at the start of a row, not between numbers', () => {
    const { lines } = example('consistent.nianbao.md');
    const i = lines.findIndex((l) => l.includes('| 2.重复申请 |'));
    const edited = [...lines];
    edited[i] = '|';
    const start = completionsAt(readReport(edited.join('\n')), { line: i, character: 1 }, 'zh-cn', '|');
    assert.equal(firstOf(sorted(start)).label, '2.重复申请');
    edited[i] = '| 2.重复申请 | 1 |';
    assert.deepEqual(completionsAt(readReport(edited.join('\n')), { line: i, character: edited[i].length }, 'zh-cn', '|'), []);
  });

  test('in English', () => {
    const { model, pos } = withEmptiedLine('| 2.重复申请 |');
    const first = firstOf(sorted(completionsAt(model, pos, 'en')));
    assert.match(first.detail!, /next missing row/);
    assert.match(first.documentation!, /repeated request/);
  });
});
