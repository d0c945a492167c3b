// The TextMate grammar on real lines of ../shared/corpus, tokenized with vscode-textmate and
// vscode-oniguruma (what VS Code itself uses), and the Markdown injection inside a Markdown host.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { describeTokens, loadGrammar, scopesOf, tokenizeLine, tokenizeLines, type Token } from './support/textmate';
import { nth } from './support/defined';
import { corpusText } from './support/corpus';

function corpusLine(seed: string, line: number): string {
  return nth(corpusText(seed).split(/\r\n|\n|\r/), line - 1, `${seed} line`);
}

let grammar: IGrammar;
let markdown: IGrammar;

before(async () => {
  grammar = await loadGrammar('text.nianbao');
  markdown = await loadGrammar('text.html.markdown');
});

/** Asserts that `text` on the line is tokenized with a scope starting with each of `expected`. */
function assertScopes(tokens: Token[], text: string, ...expected: string[]): void {
  const scopes = scopesOf(tokens, text);
  assert.ok(scopes, `«${text}» not found in:\n${describeTokens(tokens)}`);
  for (const e of expected) {
    assert.ok(
      scopes.some((s) => s.startsWith(e)),
      `«${text}» should have ${e}; has ${scopes.join(' ')}\n${describeTokens(tokens)}`,
    );
  }
}

function assertNoScope(tokens: Token[], prefix: string): void {
  for (const t of tokens) assert.ok(!t.scopes.some((s) => s.startsWith(prefix)), `«${t.text}» has ${prefix}:\n${describeTokens(tokens)}`);
}

describe('grammar on real report lines', () => {
  test('title (000 line 2, 005 line 2 with a blank before 年)', () => {
    assertScopes(
      tokenizeLine(grammar, corpusLine('000', 2)),
      '年政府信息公开工作年度报告',
      'markup.heading.title.nianbao',
      'entity.name.section.title',
    );
    const hongze = tokenizeLine(grammar, corpusLine('005', 2));
    assertScopes(hongze, '2023', 'markup.heading.title.nianbao', 'constant.numeric.nianbao');
  });

  test('section headings: standard, variant wording, and free wording', () => {
    const standard = tokenizeLine(grammar, corpusLine('000', 5));
    assertScopes(standard, '一', 'markup.heading.section.nianbao', 'constant.numeric.section-number.nianbao');
    assertScopes(standard, '总体情况', 'entity.name.section.nianbao');
    assertScopes(
      tokenizeLine(grammar, corpusLine('003', 8)),
      '主动公开政务信息情况',
      'markup.heading.section.nianbao',
      'entity.name.section.nianbao',
    );
    assertScopes(
      tokenizeLine(grammar, corpusLine('004', 94)),
      '因政府信息公开工作被申请行政复议、提起行政诉讼情况统计表',
      'entity.name.section.nianbao',
    );
  });

  test('a wrong numeral is marked invalid (002 line 57 `3、`), the heading still a heading', () => {
    const tokens = tokenizeLine(grammar, corpusLine('002', 57));
    assertScopes(tokens, '3', 'markup.heading.section.nianbao', 'invalid.illegal.section-number.nianbao');
    assertScopes(tokens, '收到和处理政府信息公开申请情况', 'entity.name.section.nianbao');
  });

  test('prose that starts like a heading is not one (004 line 21); nor is a table-3 label (005 line 103)', () => {
    assertNoScope(tokenizeLine(grammar, corpusLine('004', 21)), 'markup.heading.section');
    assertNoScope(tokenizeLine(grammar, corpusLine('005', 103)), 'markup.heading.section');
    assertNoScope(tokenizeLine(grammar, corpusLine('004', 68)), 'markup.heading.section');
  });

  test('row labels, totals and numbers in pipe rows (003), 2019 `8(减)` as one number', () => {
    const row = tokenizeLine(grammar, corpusLine('003', 16));
    assertScopes(row, '其他对外管理服务事项', 'entity.name.type.row-label.nianbao');
    assertScopes(row, '269', 'constant.numeric.nianbao');
    assertScopes(row, '8(减)', 'constant.numeric.nianbao');
    assertScopes(row, '|', 'punctuation.separator.table-cell.nianbao');
    const partly = tokenizeLine(grammar, corpusLine('003', 34));
    assertScopes(partly, '(二)部分公开(区分处理的,只计这一情形,不计其他情形)', 'entity.name.type.row-label.nianbao');
    const results = tokenizeLine(grammar, corpusLine('003', 33));
    assertScopes(results, '三、本年度办理结果', 'entity.name.type.row-group.nianbao');
    assertScopes(results, '(一)予以公开', 'entity.name.type.row-label.nianbao');
    assertScopes(tokenizeLine(grammar, corpusLine('003', 52)), '(七)总计', 'keyword.other.total.nianbao');
  });

  test('column headers, including the spaced 「商业 企业」 of a converted table (003 lines 29–30)', () => {
    const first = tokenizeLine(grammar, corpusLine('003', 29));
    assertScopes(first, '自然人', 'entity.other.attribute-name.column.nianbao');
    assertScopes(first, '法人或其他组织', 'entity.other.attribute-name.column.nianbao');
    assertScopes(first, '总计', 'keyword.other.total.nianbao');
    assertScopes(tokenizeLine(grammar, corpusLine('003', 30)), '商业 企业', 'entity.other.attribute-name.column.nianbao');
  });

  test('第二十条第（X）项 (003 line 9), the table-3 note (003 line 28)', () => {
    assertScopes(tokenizeLine(grammar, corpusLine('003', 9)), '第二十条第(一)项', 'keyword.other.article.nianbao');
    const note = corpusLine('003', 28);
    assertScopes(tokenizeLine(grammar, note), note.slice(0, note.indexOf(')') + 1), 'comment.other.table-note.nianbao');
  });

  test('tab-separated rows (004 line 68) and space-aligned rows (005 line 98 label, line 149 numbers)', () => {
    const tab = tokenizeLine(grammar, corpusLine('004', 68));
    assertScopes(tab, '一、本年新收政府信息公开申请数量', 'entity.name.type.row-label.nianbao');
    const line149 = tokenizeLine(grammar, corpusLine('005', 149));
    assert.equal(line149.filter((t) => t.scopes.includes('constant.numeric.nianbao')).length, 15, describeTokens(line149));
    assertScopes(tokenizeLine(grammar, corpusLine('005', 98)), '（一）予以公开', 'entity.name.type.row-label.nianbao');
  });

  test('dates, book titles, Word bookmarks and PDF page numbers', () => {
    const { text: closing } = { text: '2025年1月10日' };
    assertScopes(tokenizeLine(grammar, closing), '2025年1月10日', 'constant.other.date.nianbao');
    const intro = tokenizeLine(grammar, corpusLine('000', 4));
    assertScopes(intro, '2024年1月1日', 'constant.other.date.nianbao');
    assertScopes(intro, '《中华人民共和国政府信息公开条例》', 'string.quoted.other.book-title.nianbao');
    const bookmark = tokenizeLine(grammar, corpusLine('002', 35));
    assertScopes(bookmark, '[bookmark: _GoBack]', 'invalid.deprecated.conversion-artifact.nianbao');
    assertScopes(bookmark, '2808', 'constant.numeric.nianbao');
    assertScopes(tokenizeLine(grammar, corpusLine('005', 120)), '-3-', 'comment.line.page-number.nianbao');
  });

  test('sub-headings of section 一 (`（一）主动公开。`)', () => {
    const tokens = tokenizeLine(grammar, '（一）主动公开。全年主动公开政府信息312条。');
    assertScopes(tokens, '（一）', 'markup.heading.subsection.marker.nianbao');
    assertScopes(tokens, '主动公开。', 'markup.heading.subsection.nianbao');
    assertScopes(tokens, '312', 'constant.numeric.nianbao');
  });

  test('disable directives in both forms, and a Markdown table separator', () => {
    const html = tokenizeLine(grammar, '<!-- nianbao-disable row-total balance -->');
    assertScopes(html, 'nianbao-disable', 'keyword.control.directive.nianbao', 'comment.block.html');
    assertScopes(html, ' row-total balance ', 'constant.other.finding-code.nianbao');
    const slash = tokenizeLine(grammar, '// nianbao-disable-next-line cell-missing');
    assertScopes(slash, 'nianbao-disable-next-line', 'keyword.control.directive.nianbao', 'comment.line.double-slash');
    assertScopes(tokenizeLine(grammar, '|---|---|---|'), '|---|---|---|', 'punctuation.separator.table.nianbao');
  });

  test('a multi-line HTML comment stays a comment across lines', () => {
    const lines = tokenizeLines(grammar, '<!-- 说明：\n一、总体情况\n-->');
    assertScopes(nth(lines, 1, 'line'), '一、总体情况', 'comment.block.html.nianbao');
  });
});

describe('Markdown injection', () => {
  test('report headings and the title are coloured inside Markdown; other Markdown is left alone', () => {
    const [title, , heading, , plain, , prose] = tokenizeLines(
      markdown,
      '# 青山县2023年政府信息公开工作年度报告\n\n## 三、收到和处理政府信息公开申请情况\n\n一、总体情况\n\n## Installation',
    );
    assert.ok(title && heading && plain && prose, 'seven lines');
    assertScopes(title, '年政府信息公开工作年度报告', 'markup.heading.title.nianbao');
    assertScopes(heading, '三', 'markup.heading.section.nianbao', 'constant.numeric.section-number.nianbao');
    assertScopes(heading, '收到和处理政府信息公开申请情况', 'entity.name.section.nianbao');
    assertScopes(plain, '总体情况', 'entity.name.section.nianbao');
    assertNoScope(prose, 'markup.heading.section.nianbao');
    assertScopes(prose, 'Installation', 'markup.heading.markdown');
  });

  test('not inside fenced code', () => {
    const lines = tokenizeLines(markdown, '```\n## 一、总体情况\n```');
    assertNoScope(nth(lines, 1, 'line'), 'markup.heading.section.nianbao');
  });

  test('disable directives are coloured inside Markdown', () => {
    const [line] = tokenizeLines(markdown, '<!-- nianbao-enable -->');
    assert.ok(line);
    assertScopes(line, 'nianbao-enable', 'keyword.control.directive.nianbao');
  });
});
