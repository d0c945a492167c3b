// The --stdio output (server/src/stdio.ts): every message's bytes are those of JSON.stringify, also when a
// publication reuses the bytes of the previous one's diagnostics; each message is one write.

import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';

import { MessageEncoder, sameJson, StdioMessageWriter } from '../server/src/stdio';
import { mulberry32 } from './support/reportFixture';

const encoded = (encoder: MessageEncoder, message: object): string => Buffer.concat(encoder.encode(message as never)).toString('utf8');

function publication(uri: string, version: number | undefined, diagnostics: unknown[]): object {
  const params = version === undefined ? { uri, diagnostics } : { uri, version, diagnostics };
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params };
}

function diagnostic(line: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    range: { start: { line, character: 1 }, end: { line, character: 4 } },
    severity: 1,
    source: 'nianbao',
    code: 'row-total',
    message,
    ...extra,
  };
}

test('stdio: a message is encoded as JSON.stringify writes it, diagnostics or not', () => {
  const encoder = new MessageEncoder();
  const messages = [
    { jsonrpc: '2.0', id: 1, result: { capabilities: { textDocumentSync: 2 } } },
    { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message: '「合计」不等于 12' } },
    publication('file:///a.txt', 3, []),
    publication('file:///a.txt', undefined, [diagnostic(2, '合计应为 45，写的是 44')]),
    publication('file:///a.txt', 4, [
      diagnostic(2, '合计应为 45，写的是 44', {
        relatedInformation: [
          {
            location: { uri: 'file:///a.txt', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } } },
            message: '第一次',
          },
        ],
        data: { data: { table: 'table3', row: 't3.new', column: 6, values: [1, 2, null] } },
      }),
      diagnostic(7, 'emoji 😀 and "quotes" \\ and \u2028'),
    ]),
    // Diagnostics not the last key: written the ordinary way, still the same bytes.
    { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { diagnostics: [diagnostic(1, 'x')], uri: 'file:///b.txt' } },
  ];
  for (const message of messages) assert.equal(encoded(encoder, message), JSON.stringify(message));
});

test('stdio: a diagnostic reuses the bytes of an equal one only, whatever differs in it (fuzz against JSON.stringify)', () => {
  const random = mulberry32(1616);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const messages = ['合计应为 45，写的是 44', '「规章」一行出现了两次', 'same message'];
  const make = (): Record<string, unknown> => {
    const d = diagnostic(
      Math.floor(random() * 5),
      pick(messages),
      random() < 0.5 ? { data: { data: { row: pick(['a', 'b']), n: pick([1, 2]) } } } : {},
    );
    if (random() < 0.3) d.severity = pick([1, 2, 3, 4]);
    if (random() < 0.3) (d.range as { end: { character: number } }).end.character = pick([4, 5]);
    if (random() < 0.2)
      d.relatedInformation = [{ location: { uri: pick(['file:///a.txt', 'file:///c.txt']), range: d.range }, message: pick(messages) }];
    if (random() < 0.1) d.data = { data: { row: 'a', n: 1 }, extra: true };
    return d;
  };
  const encoder = new MessageEncoder();
  for (let step = 0; step < 2000; step++) {
    const uri = pick(['file:///a.txt', 'file:///b.txt']);
    const diagnostics = Array.from({ length: Math.floor(random() * 8) }, make);
    const message = publication(uri, step, diagnostics);
    assert.equal(encoded(encoder, message), JSON.stringify(message), `step ${step}`);
  }
});

test('stdio: sameJson compares as JSON.stringify writes (key order; no objects with toJSON)', () => {
  assert.ok(sameJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] }));
  assert.ok(!sameJson({ a: 1, b: 2 }, { b: 2, a: 1 }));
  assert.ok(!sameJson({ a: 1 }, { a: 1, b: undefined }));
  assert.ok(!sameJson([1, 2], { 0: 1, 1: 2 }));
  assert.ok(!sameJson({ d: new Date(0) }, { d: new Date(1) }));
  assert.ok(!sameJson(null, {}));
});

test('stdio: the writer writes each message, header and body, with one write', async () => {
  const stream = new PassThrough();
  const writes: Buffer[] = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: Buffer, ...rest: never[]) => {
    writes.push(chunk);
    return write(chunk, ...rest);
  }) as typeof stream.write;
  const writer = new StdioMessageWriter(stream);
  const message = publication('file:///a.txt', 2, [diagnostic(1, '合计应为 45')]);
  await writer.write(message as never);
  await writer.write({ jsonrpc: '2.0', id: 7, result: null } as never);
  const body = JSON.stringify(message);
  assert.equal(writes.length, 2);
  assert.equal(writes[0]!.toString('utf8'), `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const reply = '{"jsonrpc":"2.0","id":7,"result":null}';
  assert.equal(writes[1]!.toString('utf8'), `Content-Length: ${reply.length}\r\n\r\n${reply}`);
});
