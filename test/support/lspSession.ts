// An editor's side of an LSP session with `node dist/server.js --stdio`, for tests.

import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  InitializeResult,
  LogMessageParams,
  PublishDiagnosticsParams,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver/node';

export const WAIT_MS = 10_000;
export const SERVER_PATH = resolve(process.cwd(), 'dist/server.js');

export function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Every publishDiagnostics notification, in arrival order; tests wait for the next one for a uri. */
export class PublishedDiagnostics {
  private readonly received: PublishDiagnosticsParams[] = [];
  private readonly waiters: { uri: string; from: number; resolve: (params: PublishDiagnosticsParams) => void }[] = [];

  add(params: PublishDiagnosticsParams): void {
    this.received.push(params);
    const index = this.received.length - 1;
    for (const waiter of [...this.waiters]) {
      if (waiter.uri === params.uri && index >= waiter.from) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params);
      }
    }
  }

  /** Every notification received so far, in arrival order. */
  all(): readonly PublishDiagnosticsParams[] {
    return this.received;
  }

  /** Marks "now": `next` only returns notifications that arrive after the mark. */
  mark(): number {
    return this.received.length;
  }

  next(uri: string, from: number): Promise<PublishDiagnosticsParams> {
    const found = this.received.slice(from).find((p) => p.uri === uri);
    const result = found
      ? Promise.resolve(found)
      : new Promise<PublishDiagnosticsParams>((resolveWaiter) => this.waiters.push({ uri, from, resolve: resolveWaiter }));
    return withTimeout(result, `textDocument/publishDiagnostics for ${uri}`);
  }
}

export interface LspSessionOptions {
  /** What the editor answers to workspace/configuration. */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Extra environment variables of the server process. */
  env?: Record<string, string>;
  /** The workspace folders sent in `initialize`. */
  workspaceFolders?: { uri: string; name: string }[];
}

/** A running server and the editor's connection to it. */
export class LspSession {
  readonly published = new PublishedDiagnostics();
  readonly logMessages: LogMessageParams[] = [];
  /** window/showMessage notifications. */
  readonly shownMessages: ShowMessageParams[] = [];
  settings: Record<string, unknown>;
  stderr = '';
  initializeResult!: InitializeResult;
  private server!: ChildProcessWithoutNullStreams;
  private connection!: MessageConnection;
  private exit!: Promise<number | null>;
  private readonly versions = new Map<string, number>();

  constructor(private readonly options: LspSessionOptions = {}) {
    this.settings = options.settings ?? { enable: true, detectInPlainTextAndMarkdown: true };
  }

  async start(): Promise<this> {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run npm run build first`);
    this.server = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe', env: { ...process.env, ...this.options.env } });
    this.exit = new Promise((resolveExit) => this.server.on('exit', (code) => resolveExit(code)));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.connection = createMessageConnection(new StreamMessageReader(this.server.stdout), new StreamMessageWriter(this.server.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => this.published.add(p));
    this.connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      this.logMessages.push(p);
    });
    this.connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.shownMessages.push(p);
    });
    this.connection.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map(() => this.settings));
    this.connection.listen();
    this.initializeResult = await withTimeout(
      this.connection.sendRequest<InitializeResult>('initialize', {
        processId: process.pid,
        rootUri: null,
        ...(this.options.workspaceFolders ? { workspaceFolders: this.options.workspaceFolders } : {}),
        initializationOptions: this.options.initializationOptions,
        capabilities: this.options.capabilities ?? {
          workspace: { configuration: true, workspaceEdit: { documentChanges: false } },
          textDocument: {
            synchronization: { dynamicRegistration: false },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          },
        },
      }),
      'the initialize response',
    );
    await this.connection.sendNotification('initialized', {});
    return this;
  }

  /** Opens a document and resolves with its first publishDiagnostics. */
  open(uri: string, languageId: string, text: string): Promise<PublishDiagnosticsParams> {
    const mark = this.published.mark();
    this.versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.published.next(uri, mark);
  }

  /** Sends didClose for a document opened with `open`. */
  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Sends one didChange and resolves with the next publishDiagnostics for the uri. */
  change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<PublishDiagnosticsParams> {
    const mark = this.published.mark();
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return this.published.next(uri, mark);
  }

  /** Sends a notification (workspace/didChangeConfiguration, workspace/didChangeWatchedFiles, …). */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return withTimeout(this.connection.sendRequest<T>(method, params), method);
  }

  async stop(): Promise<number | null> {
    await withTimeout(this.connection.sendRequest('shutdown'), 'the shutdown response');
    await this.connection.sendNotification('exit');
    const code = await withTimeout(this.exit, 'the server process to exit');
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection?.dispose();
    if (this.server && this.server.exitCode === null && this.server.signalCode === null) this.server.kill();
  }
}
