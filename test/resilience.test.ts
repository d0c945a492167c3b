// Server resilience (issue 6): malformed messages and requests, unknown URI schemes and documents that
// are not open are answered (with an error where there is a request), never a crash; a stale request is
// cancelled; a killed server is seen to exit and a new one starts and answers, which is what the client's
// restart needs (vscode-languageclient's default error handler restarts a server that closed, up to 4
// times in 3 minutes; client/src/extension.ts keeps that default). That the client really does restart it is
// tested in a real extension host: test/electron/nianbao.suite.ts kills the server process and checks again.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { cancellable, documentProblem } from '../server/src/cancellation';
import { RawLspServer, type RpcMessage } from './support/rawLsp';
import type { Range } from '../shared/src/model';
import { consistentData, renderReport } from './support/reportFixture';

const REPORT = renderReport(consistentData(11), 'markdown').text;
const TIMEOUT_MS = 60_000;

const isPublishFor = (uri: string) => (m: RpcMessage) =>
  m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri;

async function assertAlive(server: RawLspServer, what: string): Promise<void> {
  const stats = await server.request('nianbao/stats', {});
  assert.equal(stats.error, undefined, `${what}: nianbao/stats failed`);
  const { rss, heapUsed } = stats.result as { rss: number; heapUsed: number };
  assert.ok(rss > 0 && heapUsed > 0, `${what}: stats ${JSON.stringify(stats.result)}`);
  assert.equal(server.process.exitCode, null, `${what}: the server exited`);
}

describe('malformed input over stdio', { timeout: TIMEOUT_MS }, () => {
  let server: RawLspServer;
  before(async () => {
    server = new RawLspServer();
    await server.initialize();
  });
  after(async () => {
    await server.stop();
  });

  test('bad JSON, a body without a header, a message that is neither request nor notification: ignored, the server stays up', async () => {
    server.writeBody('{"jsonrpc":"2.0","id":');
    server.writeBody('{not json at all');
    server.writeBody(JSON.stringify({ foo: 1 }));
    server.writeBody('[]');
    await assertAlive(server, 'after malformed bodies');
    // A header without a colon: vscode-jsonrpc reports it and drops the rest of that chunk; what comes later is read.
    server.writeRaw('garbage without any header\r\n\r\n');
    await new Promise((r) => setTimeout(r, 200));
    await assertAlive(server, 'after a malformed header');
  });

  test('a request with missing or wrong params is answered with an error', async () => {
    for (const [method, params] of [
      ['textDocument/hover', null],
      ['textDocument/hover', { position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      ['textDocument/codeAction', { textDocument: 'file:///x.md' }],
      ['textDocument/documentSymbol', { textDocument: { uri: 'no scheme here' } }],
    ] as const) {
      const response = await server.request(method, params);
      assert.ok(response.error, `${method} ${JSON.stringify(params)}: expected an error, got ${JSON.stringify(response)}`);
    }
    const unknown = await server.request('nianbao/no-such-method', {});
    assert.equal(unknown.error?.code, ErrorCodes.MethodNotFound);
    await assertAlive(server, 'after malformed requests');
  });

  test('requests about a document of an unknown URI scheme that is not open are answered with InvalidParams', async () => {
    for (const method of [
      'textDocument/hover',
      'textDocument/completion',
      'textDocument/documentSymbol',
      'textDocument/foldingRange',
      'textDocument/codeAction',
    ]) {
      const response = await server.request(method, {
        textDocument: { uri: 'weird-scheme://host/report.md' },
        position: { line: 0, character: 0 },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      });
      assert.equal(response.error?.code, ErrorCodes.InvalidParams, `${method}: ${JSON.stringify(response)}`);
    }
    await assertAlive(server, 'after unknown schemes');
  });

  test('a document of an unknown scheme that the client opened is checked like any other', async () => {
    const uri = 'weird-scheme://host/report.md';
    const published = await server.open(uri, 'markdown', REPORT);
    assert.deepEqual((published.params as { diagnostics: unknown[] }).diagnostics, []);
    const symbols = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.error, undefined);
    assert.ok(Array.isArray(symbols.result) && symbols.result.length > 0);
  });

  test('an open document: positions outside it, malformed positions and a codeAction without context get an empty result or InvalidParams, never a range outside the document', async () => {
    const uri = 'file:///bad-params.md';
    await server.open(uri, 'markdown', REPORT);
    const lines = REPORT.split('\n');
    const inside = (p: { line: number; character: number }) =>
      p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line] ?? '').length;
    const positions = [
      { line: lines.length + 5, character: 0 },
      { line: 1_000_000, character: 3 },
      { line: 0, character: 100_000 },
      { line: -1, character: 0 },
      { line: 2, character: -4 },
      { line: 1.5, character: 0 },
      { line: '3', character: 0 },
    ];
    for (const method of ['textDocument/hover', 'textDocument/completion']) {
      for (const position of positions) {
        const response = await server.request(method, { textDocument: { uri }, position });
        const what = `${method} at ${JSON.stringify(position)}: ${JSON.stringify(response).slice(0, 300)}`;
        if (response.error) {
          assert.equal(response.error.code, ErrorCodes.InvalidParams, what);
          continue;
        }
        const result = response.result as
          { range?: Range; items?: { textEdit?: { range: Range } }[] } | { textEdit?: { range: Range } }[] | null;
        const items = Array.isArray(result) ? result : ((result as { items?: { textEdit?: { range: Range } }[] } | null)?.items ?? []);
        for (const item of items) {
          if (item.textEdit) assert.ok(inside(item.textEdit.range.start) && inside(item.textEdit.range.end), what);
        }
        const hoverRange = (result as { range?: Range } | null)?.range;
        if (!Array.isArray(result) && hoverRange) assert.ok(inside(hoverRange.start) && inside(hoverRange.end), what);
      }
    }
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    for (const params of [
      { textDocument: { uri }, range },
      { textDocument: { uri }, range, context: null },
      { textDocument: { uri }, range, context: { diagnostics: 'none' } },
      { textDocument: { uri }, context: { diagnostics: [] } },
      {
        textDocument: { uri },
        range: { start: { line: 999_999, character: 0 }, end: { line: 999_999, character: 0 } },
        context: { diagnostics: [] },
      },
    ]) {
      const response = await server.request('textDocument/codeAction', params);
      const what = `codeAction ${JSON.stringify(params)}: ${JSON.stringify(response).slice(0, 300)}`;
      if (response.error) assert.equal(response.error.code, ErrorCodes.InvalidParams, what);
      else assert.deepEqual(response.result, [], what);
    }
    await assertAlive(server, 'after requests with bad positions');
  });

  test('a request cancelled before it is run is answered with RequestCancelled', async () => {
    const uri = 'file:///cancel.md';
    await server.open(uri, 'markdown', REPORT);
    const id = server.reserveId();
    const response = server.waitFor((m) => m.id === id && m.method === undefined, 'the cancelled response');
    // Both in one write: the cancellation arrives while the request is still queued.
    const request = JSON.stringify({ jsonrpc: '2.0', id, method: 'textDocument/documentSymbol', params: { textDocument: { uri } } });
    const cancel = JSON.stringify({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } });
    server.writeRaw(
      `Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}Content-Length: ${Buffer.byteLength(cancel)}\r\n\r\n${cancel}`,
    );
    assert.equal((await response).error?.code, LSPErrorCodes.RequestCancelled);
    await assertAlive(server, 'after a cancellation');
  });

  test('the server logged nothing on stderr', () => {
    assert.equal(server.stderr, '');
  });
});

describe('request guards, in process', () => {
  const documents = { get: (uri: string) => (uri === 'file:///open.md' ? {} : undefined) };

  test('a request already cancelled is not run; one cancelled while it waited gets RequestCancelled', async () => {
    let runs = 0;
    const handler = cancellable(async (_params: unknown) => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return 'result';
    }, documents);
    const params = { textDocument: { uri: 'file:///open.md' } };

    const before = new CancellationTokenSource();
    before.cancel();
    const early = await handler(params, before.token);
    assert.ok(early instanceof ResponseError && early.code === LSPErrorCodes.RequestCancelled);
    assert.equal(runs, 0);

    const during = new CancellationTokenSource();
    const pending = handler(params, during.token);
    during.cancel();
    const late = await pending;
    assert.ok(late instanceof ResponseError && late.code === LSPErrorCodes.RequestCancelled);
    assert.equal(runs, 1);

    assert.equal(await handler(params, new CancellationTokenSource().token), 'result');
  });

  test('documents that are not open, and malformed textDocument params, are InvalidParams', () => {
    assert.equal(documentProblem({ textDocument: { uri: 'file:///open.md' } }, documents), undefined);
    for (const params of [
      undefined,
      null,
      {},
      { textDocument: null },
      { textDocument: { uri: 3 } },
      { textDocument: { uri: 'not a uri' } },
      { textDocument: { uri: 'file:///closed.md' } },
    ]) {
      assert.equal(documentProblem(params, documents)?.code, ErrorCodes.InvalidParams, JSON.stringify(params));
    }
  });
});

describe('a killed server', { timeout: TIMEOUT_MS }, () => {
  test('the harness sees it exit, and a new server starts and answers', async () => {
    const uri = 'file:///restart.md';
    const first = new RawLspServer();
    await first.initialize();
    await first.open(uri, 'markdown', REPORT.replace('一、总体情况', '一、总体情况情况情况'));
    first.kill('SIGKILL');
    const exit = await first.exited;
    assert.equal(exit.signal, 'SIGKILL');

    // What the client does on `closed`: start the server again and resend the open documents.
    const second = new RawLspServer();
    try {
      await second.initialize();
      const published = await second.open(uri, 'markdown', REPORT);
      assert.ok(isPublishFor(uri)(published));
      await assertAlive(second, 'the restarted server');
    } finally {
      await second.stop();
    }
    assert.deepEqual(await second.exited, { code: 0, signal: null });
  });

  test('a server whose client stops reading and writing (stdin closed) exits by itself', async () => {
    const server = new RawLspServer();
    await server.initialize();
    server.process.stdin.end();
    const exit = await server.exited;
    assert.ok(exit.code !== null || exit.signal !== null);
  });
});
