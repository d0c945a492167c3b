// A bare LSP client over the server's stdio, byte by byte: it can send what a well-behaved client never
// sends (bad JSON, no header, a message that is neither request nor notification) and kill the process.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SERVER_PATH = resolve(process.cwd(), 'dist/server.js');
const WAIT_MS = 10_000;

export interface RpcMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawLspServer {
  readonly process: ChildProcessWithoutNullStreams;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly received: RpcMessage[] = [];
  stderr = '';
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly waiters: { match: (m: RpcMessage) => boolean; resolve: (m: RpcMessage) => void }[] = [];

  constructor(env: Record<string, string> = {}) {
    if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run npm run build first`);
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...env } });
    this.exited = new Promise((resolveExit) => this.process.on('exit', (code, signal) => resolveExit({ code, signal })));
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!(length >= 0) || this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as RpcMessage;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.received.push(message);
      if (message.method === 'workspace/configuration' && message.id !== undefined) {
        const items = (message.params as { items: unknown[] }).items;
        this.send({ jsonrpc: '2.0', id: message.id, result: items.map(() => ({ debounceMs: 0 })) });
      } else if (message.id !== undefined && message.method !== undefined) {
        this.send({ jsonrpc: '2.0', id: message.id, result: null });
      }
      for (const waiter of [...this.waiters]) {
        if (waiter.match(message)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  }

  /** Raw bytes, exactly as given. */
  writeRaw(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  /** One message with its Content-Length header; `body` may be any text, valid JSON or not. */
  writeBody(body: string): void {
    this.writeRaw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  send(message: RpcMessage): void {
    this.writeBody(JSON.stringify(message));
  }

  /** The next received message that matches (also one already received, from `from` on). */
  waitFor(match: (m: RpcMessage) => boolean, what: string, from = 0): Promise<RpcMessage> {
    const found = this.received.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolveMessage, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`)), WAIT_MS);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolveMessage(m);
        },
      });
    });
  }

  /** Sends a request and resolves with its response (result or error). */
  request(method: string, params: unknown): Promise<RpcMessage> {
    const id = this.nextId++;
    const response = this.waitFor((m) => m.id === id && m.method === undefined, `the response to ${method}`);
    this.send({ jsonrpc: '2.0', id, method, params });
    return response;
  }

  /** A request id not used yet, for messages built by hand. */
  reserveId(): number {
    return this.nextId++;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async initialize(): Promise<void> {
    const response = await this.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    if (response.error) throw new Error(`initialize failed: ${response.error.message}`);
    this.notify('initialized', {});
  }

  /** Opens a document and resolves with its first publishDiagnostics. */
  open(uri: string, languageId: string, text: string): Promise<RpcMessage> {
    const published = this.waitFor(
      (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri,
      `diagnostics for ${uri}`,
      this.received.length,
    );
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return published;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    await this.request('shutdown', null);
    this.notify('exit', null);
    await this.exited;
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
  }
}
