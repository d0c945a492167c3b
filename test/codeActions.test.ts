// Code actions over stdio, as an editor asks for them: the quick-fix of a wrong total,
// applied by the test, removes the diagnostic on the next publish; source.fixAll returns one edit.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { applyEdits } from '../shared/src/fixes/index';
import { cellKey, consistentData, renderReport, withFault } from './support/reportFixture';
import { LspSession } from './support/lspSession';
import { firstOf, rowOf } from './support/defined';

const URI = 'file:///tmp/nianbao-code-actions/report.md';
const faulty = renderReport(withFault(consistentData(5), { rowId: 't3.new', column: 6, delta: 2 }), 'markdown');
const wrongCell = faulty.cells.get(cellKey('t3.new', 6))!;

describe('code actions over stdio', () => {
  const session = new LspSession();
  let diagnostics: Diagnostic[] = [];

  before(async () => {
    await session.start();
    const caps = session.initializeResult.capabilities.codeActionProvider;
    assert.ok(caps && typeof caps === 'object' && caps.codeActionKinds?.includes('source.fixAll.nianbao'));
    diagnostics = (await session.open(URI, 'markdown', faulty.text)).diagnostics;
  });

  after(() => session.kill());

  test('the quick-fix 改为 N on the wrong total, applied, removes the diagnostic on the next publish', async () => {
    const rowTotal = diagnostics.find((d) => d.code === 'row-total');
    assert.ok(rowTotal, JSON.stringify(diagnostics));
    assert.deepEqual(rowTotal.range, wrongCell);
    // The fix is not sent with every publish: the code action builds it from the server's own result.
    assert.deepEqual(Object.keys(rowTotal.data as object), ['data'], JSON.stringify(rowTotal.data));
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: rowTotal.range,
      context: { diagnostics: [rowTotal], only: ['quickfix'] },
    });
    const expected = rowOf(consistentData(5).table3, 't3.new')[6];
    const fix = actions.find((a) => a.title === `改为 ${expected}`);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit?.changes?.[URI] as TextEdit[];
    assert.deepEqual(edits, [{ range: wrongCell, newText: String(expected) }]);

    // The editor applies the edit and sends it as an incremental change.
    const published = await session.change(
      URI,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    assert.equal(published.version, 2);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2),
      [],
      JSON.stringify(published.diagnostics),
    );
  });

  test('source.fixAll returns one action with one edit that fixes every fixable finding', async () => {
    const uri = 'file:///tmp/nianbao-code-actions/all.md';
    const text = renderReport(withFault(consistentData(6), { rowId: 't4.cases', column: 4, delta: 1 }), 'markdown').text.replace(
      '三、收到和处理',
      '3、收到和处理',
    );
    const opened = await session.open(uri, 'markdown', text);
    assert.ok(opened.diagnostics.some((d) => d.code === 'review-total'));
    assert.ok(opened.diagnostics.some((d) => d.code === 'heading-numbering'));
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    assert.equal(firstOf(actions).kind, 'source.fixAll.nianbao');
    const edits = firstOf(actions).edit?.changes?.[uri] as TextEdit[];
    assert.equal(edits.length, 1);
    const published = await session.change(
      uri,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    assert.deepEqual(
      published.diagnostics.filter((d) => d.severity === 1 || d.severity === 2),
      [],
      JSON.stringify(published.diagnostics),
    );
    assert.equal(applyEdits(text, edits).includes('三、收到和处理'), true);
  });

  test('a quick-fix request without nianbao diagnostics returns no quick-fix', async () => {
    const actions = await session.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });
});
