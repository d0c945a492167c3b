// The editor features over stdio, as VS Code asks for them: document symbols, folding ranges, hover
// and completion on corpus files; settings (severity, locale) and `.nianbaorc.json` (diagnostics on the
// file itself, re-read when the client reports a change); disable comments.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  ClientCapabilities,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  FoldingRange,
  Hover,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { LspSession } from './support/lspSession';
import { firstOf, nth } from './support/defined';
import { corpusText } from './support/corpus';

const TEXT_002 = corpusText('002_af8524dfc621a99c.txt');
const TEXT_005 = corpusText('005_hongze_2023_pdftotext.txt');
const ERRORS_MD = readFileSync('examples/errors.nianbao.md', 'utf8');
const CONSISTENT_MD = readFileSync('examples/consistent.nianbao.md', 'utf8');

const CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    foldingRange: {},
  },
};

function lineIndex(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `no line with ${needle}`);
  return i;
}

function hoverText(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

function items(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  assert.ok(result, 'completion items');
  return Array.isArray(result) ? result : result.items;
}

describe('editor features over stdio', () => {
  const session = new LspSession({ capabilities: CAPABILITIES, settings: { enable: true, detectInPlainTextAndMarkdown: true } });
  const uri002 = 'file:///corpus/002.txt';
  const uri005 = 'file:///corpus/005.nianbao.txt';

  before(async () => {
    await session.start();
    await session.open(uri002, 'plaintext', TEXT_002);
    await session.open(uri005, 'nianbao', TEXT_005);
  });
  after(() => session.kill());

  test('announces outline, folding, hover and completion', () => {
    const caps = session.initializeResult.capabilities;
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.foldingRangeProvider, true);
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.completionProvider?.triggerCharacters, ['|']);
  });

  test('textDocument/documentSymbol: the title, six sections, the tables nested in their sections', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri002 } });
    assert.equal(firstOf(symbols).name, '2024年东昌区卫健局政府信息公开工作年度报告');
    const sections = symbols.slice(1);
    assert.equal(sections.length, 6);
    assert.equal(firstOf(sections).name, '一、总体情况');
    assert.equal(nth(sections, 2).detail, '三、收到和处理政府信息公开申请情况');
    assert.deepEqual(
      sections.map((s) => (s.children ?? []).filter((c) => c.name.startsWith('表')).map((c) => c.name.slice(0, 2))),
      [[], ['表二'], ['表三'], ['表四'], [], []],
    );
    const table3 = firstOf(nth(sections, 2).children!);
    assert.ok(table3.children!.some((c) => c.name === '三、本年度办理结果'));
    assert.equal(table3.range.start.line, table3.selectionRange.start.line);
  });

  test('textDocument/foldingRange: sections and tables', async () => {
    const folds = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri002 } });
    const heading3 = lineIndex(TEXT_002, '3、 收到和处理');
    assert.ok(
      folds.some((f) => f.startLine === heading3 && f.endLine > heading3 + 200),
      JSON.stringify(folds),
    );
    assert.ok(folds.length >= 12);
  });

  test('textDocument/hover on a total: the computed sum and its terms; on a heading: the standard wording', async () => {
    const line = lineIndex(TEXT_005, '（七）总计');
    const character = nth(TEXT_005.split('\n'), line, 'line').indexOf('21');
    const total = hoverText(
      await session.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri005 }, position: { line, character } }),
    );
    assert.match(total, /计算：4 \+ 1 \+ 1 \+ 1 \+ 10 \+ 3 \+ 1 = \*\*21\*\*/);
    const heading = lineIndex(TEXT_002, '3、 收到和处理');
    const headingHover = hoverText(
      await session.request<Hover | null>('textDocument/hover', {
        textDocument: { uri: uri002 },
        position: { line: heading, character: 5 },
      }),
    );
    assert.match(headingHover, /标准标题：`三、收到和处理政府信息公开申请情况`/);
    const prose = await session.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri002 },
      position: { line: 5, character: 3 },
    });
    assert.equal(prose, null);
  });

  test('textDocument/completion: the next missing row first, as a snippet with zeros in a Markdown table', async () => {
    const uri = 'file:///reports/draft.md';
    const lines = CONSISTENT_MD.split('\n');
    const line = lines.findIndex((l) => l.includes('| 2.重复申请 |'));
    lines[line] = '';
    await session.open(uri, 'markdown', lines.join('\n'));
    const list = items(
      await session.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: 0 },
      }),
    );
    const first = firstOf([...list].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)));
    assert.equal(first.label, '2.重复申请');
    assert.equal(first.insertTextFormat, 2);
    assert.equal(first.preselect, true);
    assert.deepEqual(first.textEdit, {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      newText: '| 2.重复申请 | ${1:0} | ${2:0} | ${3:0} | ${4:0} | ${5:0} | ${6:0} | ${7:0} |',
    });
    assert.ok(list.some((i) => i.label === '三、收到和处理政府信息公开申请情况'));
  });

  test('a Markdown file that is not a report gets no outline, hover or completion', async () => {
    const uri = 'file:///project/README.md';
    await session.open(uri, 'markdown', '# build-stats\n\n| month | downloads |\n|---|---|\n| May | 3 |\n');
    assert.equal(await session.request('textDocument/documentSymbol', { textDocument: { uri } }), null);
    assert.equal(await session.request('textDocument/foldingRange', { textDocument: { uri } }), null);
    assert.equal(await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 8 } }), null);
    assert.equal(await session.request('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } }), null);
  });

  test('nianbao.severity from the settings: a code turned off, another made a warning', async () => {
    const uri = 'file:///reports/errors.nianbao.md';
    const opened = await session.open(uri, 'nianbao', ERRORS_MD);
    assert.deepEqual(
      opened.diagnostics.map((d) => d.code),
      ['row-total', 'review-total', 'section-missing'],
    );
    session.settings = { enable: true, detectInPlainTextAndMarkdown: true, severity: { 'row-total': 'off', 'section-missing': 'warning' } };
    const mark = session.published.mark();
    await session.notify('workspace/didChangeConfiguration', { settings: { nianbao: session.settings } });
    const changed = await session.published.next(uri, mark);
    assert.deepEqual(
      changed.diagnostics.map((d) => [d.code, d.severity]),
      [
        ['review-total', 1],
        ['section-missing', 2],
      ],
    );
    session.settings = { enable: true, detectInPlainTextAndMarkdown: true };
    const mark2 = session.published.mark();
    await session.notify('workspace/didChangeConfiguration', { settings: { nianbao: session.settings } });
    await session.published.next(uri, mark2);
  });

  test('a disable comment in the document', async () => {
    const uri = 'file:///reports/disabled.nianbao.md';
    const published = await session.open(uri, 'nianbao', `<!-- nianbao-disable review-total section-missing -->\n${ERRORS_MD}`);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['row-total'],
    );
  });

  describe('.nianbaorc.json', () => {
    let dir: string;
    let rcUri: string;
    let reportUri: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'nianbao-server-rc-'));
      rcUri = pathToFileURL(join(dir, '.nianbaorc.json')).href;
      reportUri = pathToFileURL(join(dir, 'report.nianbao.md')).href;
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('a bad file: a diagnostic on it at the offending key, in Chinese; its valid keys still apply', async () => {
      writeFileSync(join(dir, '.nianbaorc.json'), '{\n  "severity": { "row-total": "off" },\n  "debounceMs": "fast"\n}\n');
      const mark = session.published.mark();
      const rcPublished = session.published.next(rcUri, mark);
      const report = await session.open(reportUri, 'nianbao', ERRORS_MD);
      const rc: PublishDiagnosticsParams = await rcPublished;
      assert.deepEqual(
        rc.diagnostics.map((d) => ({ range: d.range, code: d.code, source: d.source, severity: d.severity, message: d.message })),
        [
          {
            range: { start: { line: 2, character: 2 }, end: { line: 2, character: 14 } },
            code: 'invalid-config',
            source: 'nianbao',
            severity: 1,
            message: '「debounceMs」：无效输入：期望 数字，实际接收 string',
          },
        ],
      );
      assert.deepEqual(
        report.diagnostics.map((d) => d.code),
        ['review-total', 'section-missing'],
      );
    });

    test('fixed on disk and reported as changed: its diagnostics clear, the reports are checked again with it', async () => {
      writeFileSync(join(dir, '.nianbaorc.json'), '{ "locale": "en" }\n');
      const mark = session.published.mark();
      await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
      const rc = await session.published.next(rcUri, mark);
      assert.deepEqual(rc.diagnostics, []);
      const report = await session.published.next(reportUri, mark);
      assert.match(firstOf(report.diagnostics).message as string, /should be 18/);
    });

    test('deleted: its diagnostics clear and the defaults apply again', async () => {
      rmSync(join(dir, '.nianbaorc.json'));
      const mark = session.published.mark();
      await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 3 }] });
      assert.deepEqual((await session.published.next(rcUri, mark)).diagnostics, []);
      const report = await session.published.next(reportUri, mark);
      assert.match(firstOf(report.diagnostics).message as string, /应为 18/);
    });
  });

  test('no error was logged', () => {
    assert.deepEqual(
      session.logMessages.filter((m) => m.type === 1).map((m) => m.message),
      [],
      session.stderr,
    );
  });
});

describe('English through VS Code’s display language (nianbao.locale: auto)', () => {
  const session = new LspSession({ capabilities: CAPABILITIES, initializationOptions: { displayLanguage: 'en' } });
  before(() => session.start());
  after(() => session.kill());

  test('diagnostics and hovers in English', async () => {
    const uri = 'file:///reports/en.nianbao.md';
    const published = await session.open(uri, 'nianbao', ERRORS_MD);
    assert.match(firstOf(published.diagnostics).message as string, /^「三、本年度办理结果·（一）予以公开」·总计 should be 18 .*found 19$/);
    const line = lineIndex(ERRORS_MD, '（一）予以公开');
    const hover = hoverText(
      await session.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: nth(ERRORS_MD.split('\n'), line, 'line').lastIndexOf('19') },
      }),
    );
    assert.match(hover, /Row total \(the six applicant columns\)/);
    assert.match(hover, /19 is written, off by \+1/);
  });

  test('nianbao.locale: zh-cn wins over the display language', async () => {
    session.settings = { locale: 'zh-cn' };
    const uri = 'file:///reports/en.nianbao.md';
    const mark = session.published.mark();
    await session.notify('workspace/didChangeConfiguration', { settings: { nianbao: session.settings } });
    const published = await session.published.next(uri, mark);
    assert.match(firstOf(published.diagnostics).message as string, /应为 18/);
  });
});
