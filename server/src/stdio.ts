// The server's output over `--stdio` (editors other than VS Code, which talks to it over IPC; the
// benchmark; the tests): vscode-jsonrpc's writer serialises every message with JSON.stringify, turns
// the whole text into a new Buffer and writes the header and the body with two writes (two system calls,
// two wake-ups of the client). Here each message is one write, and a publishDiagnostics notification is
// put together from the UTF-8 bytes of its diagnostics, each serialised once: a diagnostic equal to one of
// the previous publication of the same document (typing changes a few of a report's diagnostics, the
// others are published again at every keystroke) reuses that one's bytes. The bytes sent are exactly
// those of JSON.stringify(message) (test/stdioWriter.test.ts).

import { format } from 'node:util';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}}');

interface Serialised {
  value: unknown;
  bytes: Buffer;
}

/**
 * Equal as JSON.stringify writes them: the same primitives, the same keys in the same order. Anything
 * but plain objects, arrays and primitives is not compared (false): its JSON may come from toJSON.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  if (keys.length !== otherKeys.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== otherKeys[i] || !sameJson(a[key], b[key])) return false;
  }
  return true;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The body of a message as UTF-8 chunks, equal once joined to Buffer.from(JSON.stringify(message)). */
export class MessageEncoder {
  /** Per document, the diagnostics of its last publication by message, with their bytes. */
  private readonly published = new Map<string, Map<string, Serialised[]>>();

  encode(message: Message): Buffer[] {
    const params = diagnosticsParams(message);
    if (!params) return [Buffer.from(JSON.stringify(message), 'utf8')];
    const { uri, diagnostics } = params;
    const previous = this.published.get(uri);
    const next = new Map<string, Serialised[]>();
    // The message with no diagnostics ends with `[]}}`: its text up to the `[` comes first.
    const head = JSON.stringify({ ...message, params: { ...params.all, diagnostics: [] } });
    const chunks: Buffer[] = [Buffer.from(head.slice(0, -3), 'utf8')];
    for (const [i, diagnostic] of diagnostics.entries()) {
      const key = messageOf(diagnostic);
      let serialised = previous?.get(key)?.find((s) => sameJson(s.value, diagnostic));
      serialised ??= { value: diagnostic, bytes: Buffer.from(JSON.stringify(diagnostic), 'utf8') };
      const same = next.get(key);
      if (same) same.push(serialised);
      else next.set(key, [serialised]);
      if (i > 0) chunks.push(COMMA);
      chunks.push(serialised.bytes);
    }
    chunks.push(CLOSE);
    if (next.size > 0) this.published.set(uri, next);
    else this.published.delete(uri);
    return chunks;
  }
}

/**
 * The params of a publishDiagnostics notification whose JSON ends with its diagnostics (the last key of
 * params, params the last key of the message), each a plain object; undefined for any other message.
 */
function diagnosticsParams(message: Message): { all: object; uri: string; diagnostics: unknown[] } | undefined {
  const m = message as { method?: unknown; params?: unknown };
  if (m.method !== PUBLISH_DIAGNOSTICS || typeof m.params !== 'object' || m.params === null) return undefined;
  const params = m.params as { uri?: unknown; diagnostics?: unknown };
  if (typeof params.uri !== 'string' || !Array.isArray(params.diagnostics)) return undefined;
  if (Object.keys(message).at(-1) !== 'params' || Object.keys(params).at(-1) !== 'diagnostics') return undefined;
  if (!params.diagnostics.every((d) => typeof d === 'object' && d !== null && isPlainObject(d))) return undefined;
  return { all: params, uri: params.uri, diagnostics: params.diagnostics };
}

function messageOf(diagnostic: unknown): string {
  const text = (diagnostic as { message?: unknown }).message;
  return typeof text === 'string' ? text : '';
}

/** Writes each message with one write: its header and its body (MessageEncoder) together. */
export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly encoder = new MessageEncoder();
  private errorCount = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: unknown) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let bytes: Buffer;
    try {
      const chunks = this.encoder.encode(message);
      let length = 0;
      for (const c of chunks) length += c.length;
      bytes = Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), ...chunks]);
    } catch (error) {
      this.fireError(error, message);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.stream.write(bytes, (error) => {
        if (error === undefined || error === null) {
          resolve();
          return;
        }
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}

/**
 * What vscode-languageserver does for `--stdio` when it makes the streams itself: console output goes to
 * the client's log (stdout carries the protocol), and the end of stdin ends the server.
 */
export function stdioHousekeeping(
  log: { log(message: string): void; error(message: string): void },
  shutdownReceived: () => boolean,
): void {
  console.log = console.info = console.debug = (...args: unknown[]) => log.log(format(...args));
  console.warn = console.error = (...args: unknown[]) => log.error(format(...args));
  const exit = () => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
}
