// The nianbao language server: document sync, settings and push diagnostics over the shared core.
// Started by the extension (ipc) or as `node dist/server.js --stdio`; createConnection picks the transport from argv.

import {
  createConnection,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'node:path';
import { msg } from '../../shared/src/messages';
import { AnalysisCache } from './analysis';
import { cancellable } from './cancellation';
import { CODE_ACTION_KINDS, codeActions } from './codeActions';
import { Debouncer } from './debouncer';
import { toDiagnostics, type DiagnosticOptions } from './diagnostics';
import { EDITOR_CAPABILITIES, registerEditorFeatures } from './editorFeatures';
import { injectFaults } from './faultInjection';
import { convertForImport, IMPORT_COMMANDS } from './importCommand';
import { sizeOverLimit, tooLargeDiagnostic } from './limits';
import { StdioMessageWriter, stdioHousekeeping } from './stdio';
import { identityOf, type ReportIdentity } from '../../shared/src/carryOver';
import { LastYearFinder } from './lastYear';
import { isRcFileUri, RcFiles } from './rcFiles';
import { checkModeFor, displayLanguageOf, SettingsProvider, type CheckMode, type NianbaoSettings } from './settings';
import { CHECK_WORKSPACE_COMMAND, pathOfUri, WorkspaceChecker, type ScanProgress } from './workspace';

// The delay between the last keystroke and a new analysis is the `nianbao.debounceMs` setting (default 300 ms).
// A newly opened document is checked at once.

// Tests only: NIANBAO_FAULT_INJECTION=rule:<code> makes a rule throw (see faultInjection.ts); inert otherwise.
injectFaults();

// Over --stdio, the streams are made here: the output writes each message at once and serialises a
// document's unchanged diagnostics once (stdio.ts). IPC (VS Code), sockets and pipes: vscode-languageserver's own.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StdioMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (stdio) stdioHousekeeping(connection.console, () => shuttingDown);
const documents = new TextDocuments(TextDocument);
const debouncer = new Debouncer();
const analysis = new AnalysisCache((code, error, document) =>
  logError(`nianbao: rule ${code} failed on ${document.uri} (version ${document.version})`, error),
);

/** Last year's report of each document's agency, for carry-over (open documents, then the workspace folders). */
const lastYearFinder = new LastYearFinder({ folders: () => workspaceFolders, documents: () => documents.all() });

/** `.nianbaorc.json` files; their problems are published as diagnostics on the files themselves. */
const rcFiles = new RcFiles((uri, diagnostics) => send(uri, undefined, diagnostics));
let settingsProvider = new SettingsProvider(undefined, (message) => connection.console.error(message), {
  rc: (uri) => rcFiles.configFor(uri),
});
let hierarchicalSymbols = false;
let diagnosticOptions: DiagnosticOptions = { relatedInformation: false };
let shuttingDown = false;
let workspaceFolders: string[] = [];
let workDoneProgress = false;
let workspaceFolderEvents = false;

/** Documents whose first content event was seen: later events are typing and are debounced. */
const seen = new Set<string>();
/** Latest check started per document; a check that is no longer the latest publishes nothing. */
const checkGeneration = new Map<string, number>();

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  rcFiles.setWorkspaceFolders(workspaceFolders);
  workDoneProgress = capabilities.window?.workDoneProgress === true;
  workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
  const displayLanguage = displayLanguageOf(params.initializationOptions, params.locale);
  settingsProvider = new SettingsProvider(
    capabilities.workspace?.configuration
      ? (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: 'nianbao' })
      : undefined,
    (message) => connection.console.error(message),
    { rc: (uri) => rcFiles.configFor(uri), displayLanguage },
  );
  hierarchicalSymbols = capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  diagnosticOptions = { relatedInformation: capabilities.textDocument?.publishDiagnostics?.relatedInformation === true };
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      // IMPORT_COMMANDS for 「从 Word/网页导入年报」; 「检查工作区全部年报」: vscode-languageclient registers the
      // VS Code command from this list.
      executeCommandProvider: { commands: [...IMPORT_COMMANDS, CHECK_WORKSPACE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...EDITOR_CAPABILITIES,
    },
    serverInfo: { name: 'nianbao' },
  };
});

connection.onDidChangeConfiguration((change) => {
  settingsProvider.configurationChanged(change.settings);
  for (const document of documents.all()) scheduleCheck(document.uri, 0);
  void workspaceChecker.configurationChanged();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  const rcChanges = changes.filter((change) => isRcFileUri(change.uri));
  for (const change of rcChanges) rcFiles.changed(change.uri, change.type === FileChangeType.Deleted);
  if (rcChanges.length > 0) {
    settingsProvider.rcChanged();
    for (const document of documents.all()) scheduleCheck(document.uri, 0);
    void workspaceChecker.configurationChanged();
  }
  lastYearFinder.filesChanged(changes);
  if (changes.some((change) => !isRcFileUri(change.uri))) {
    // A report changed on disk may be last year's report of an open document.
    for (const document of documents.all()) {
      const model = analysis.lastModel(document.uri);
      if (model && identityOf(model)) scheduleCheck(document.uri, 0);
    }
  }
  workspaceChecker.filesChanged(changes).catch((error: unknown) => logError('nianbao: checking changed files failed', error));
});

/** Every report of the workspace folders, opened or not (server/src/workspace.ts). */
const workspaceChecker = new WorkspaceChecker({
  folders: () => workspaceFolders,
  openPaths: () =>
    new Set(
      documents
        .keys()
        .map(pathOfUri)
        .filter((p): p is string => p !== undefined),
    ),
  settings: (folderUri, fileUri) => settingsProvider.forFileInFolder(folderUri, fileUri),
  checkOptions: (settings) => settingsProvider.checkOptions(settings),
  diagnosticOptions: () => diagnosticOptions,
  publish: (uri, diagnostics) => {
    if (!shuttingDown) send(uri, undefined, diagnostics);
  },
  progress: (title) => scanProgress(title),
  // A notification, not window/showMessageRequest: nothing to answer, nothing to wait for.
  showMessage: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message }),
  log: (message, error) => (error === undefined ? connection.console.error(message) : logError(message, error)),
});

connection.onInitialized(() => {
  void workspaceChecker.configurationChanged(true);
  if (workspaceFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
      lastYearFinder.foldersChanged();
      rcFiles.setWorkspaceFolders(workspaceFolders);
      void workspaceChecker.configurationChanged();
    });
  }
});

/** The progress notification of a workspace scan (cancellable), where the client shows one; at most five updates a second. */
async function scanProgress(title: string): Promise<ScanProgress> {
  if (!workDoneProgress) return { report: () => undefined, done: () => undefined, cancelled: false };
  const reporter = await connection.window.createWorkDoneProgress();
  reporter.begin(title, 0, undefined, true);
  let last = 0;
  return {
    report: (done, total, file) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      reporter.report(Math.floor((done / Math.max(total, 1)) * 100), msg('workspace.progress', { done, total, file: basename(file) }));
    },
    done: () => reporter.done(),
    get cancelled() {
      return reporter.token.isCancellationRequested;
    },
  };
}

documents.onDidChangeContent(({ document }) => {
  const firstContent = !seen.has(document.uri);
  seen.add(document.uri);
  scheduleCheck(document.uri, firstContent ? 0 : settingsProvider.debounceMs(document.uri));
});

documents.onDidOpen(({ document }) => workspaceChecker.documentOpened(document.uri));

documents.onDidClose(({ document }) => {
  const uri = document.uri;
  seen.delete(uri);
  lastYearFinder.forget(uri);
  debouncer.cancel(uri);
  checkGeneration.delete(uri);
  analysis.delete(uri);
  settingsProvider.forget(uri);
  // A report of the workspace, while the workspace is checked, keeps its diagnostics: checked from disk again.
  if (!shuttingDown && !workspaceChecker.documentClosed(uri)) send(uri, undefined, []);
});

connection.onCodeAction(
  cancellable((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? codeActions(document, analysis.current(document), params, analysis.optionsOf(document.uri)) : [];
  }, documents),
);

// Documents over nianbao.maxDocumentSize are not analysed, by any feature (analysis.ts).
analysis.sizeLimit = (uri) => settingsProvider.maxDocumentSize(uri);

// 「从 Word/网页导入年报」: the client sends the file's bytes; the draft comes back as Markdown (or a one-line reason).
// The text limit is `nianbao.maxDocumentSize` in the file's place (its name is its URI).
// 「检查工作区全部年报」: server/src/workspace.ts.
connection.onExecuteCommand(async (params) => {
  if (params.command === CHECK_WORKSPACE_COMMAND) return workspaceChecker.runCommand();
  if (!IMPORT_COMMANDS.includes(params.command)) return undefined;
  const [args] = params.arguments ?? [];
  const name = (args as { name?: unknown } | undefined)?.name;
  const settings = await settingsProvider.get(typeof name === 'string' ? name : '');
  return convertForImport(args, settings.maxDocumentSize);
});

/** The server's own figures, for the benchmark (bench/bench.mjs) and for diagnosing a slow editor. */
connection.onRequest('nianbao/stats', () => {
  return { ...process.memoryUsage(), documents: documents.all().length, uptimeSeconds: process.uptime() };
});

connection.onShutdown(() => {
  shuttingDown = true;
  workspaceChecker.cancel();
  debouncer.cancelAll();
});

function scheduleCheck(uri: string, delayMs: number): void {
  if (shuttingDown) return;
  debouncer.schedule(uri, delayMs, () => {
    publishDiagnostics(uri).catch((error: unknown) => logError(`nianbao: checking ${uri} failed`, error));
  });
}

async function publishDiagnostics(uri: string): Promise<void> {
  const generation = (checkGeneration.get(uri) ?? 0) + 1;
  checkGeneration.set(uri, generation);
  const documentSettings = await settingsProvider.get(uri);
  let document = documents.get(uri);
  if (!document) return;
  // carry-over: last year's report of the agency this document was found to be (open documents, workspace).
  const guessed = lastYearFinder.guess(document, analysis.lastModel(uri));
  const lastYear = documentSettings.severity['carry-over'] === 'off' ? { key: '' } : await lastYearFinder.prepare(guessed, uri);
  // The document may have been closed, or checked again, while the settings were requested.
  document = documents.get(uri);
  if (!document || shuttingDown || checkGeneration.get(uri) !== generation) return;
  analysis.setLastYear(uri, lastYear);
  send(uri, document.version, diagnosticsFor(document, checkModeFor(document.languageId, documentSettings), documentSettings));
  const model = analysis.lastModel(uri);
  const identity = model ? identityOf(model) : undefined;
  if (identity && !sameIdentity(identity, guessed)) scheduleCheck(uri, 0); // the title changed: look again
  if (identity) recheckDependents(uri, identity);
}

function sameIdentity(a: ReportIdentity | undefined, b: ReportIdentity | undefined): boolean {
  return a?.agency === b?.agency && a?.year === b?.year;
}

/** The open reports of the next year of the same agency take this one's 四 as their 二: checked again. */
function recheckDependents(uri: string, identity: ReportIdentity): void {
  for (const other of documents.all()) {
    if (other.uri === uri) continue;
    const model = analysis.lastModel(other.uri);
    const next = model ? identityOf(model) : undefined;
    if (next && next.agency === identity.agency && next.year === identity.year + 1) scheduleCheck(other.uri, 0);
  }
}

function diagnosticsFor(document: TextDocument, mode: CheckMode, settings: NianbaoSettings): Diagnostic[] {
  if (mode === 'skip') return [];
  // Too large to analyse without freezing the editor: one information diagnostic instead.
  const size = sizeOverLimit(document.getText(), settings.maxDocumentSize);
  if (size !== undefined) return [tooLargeDiagnostic(size, settings.maxDocumentSize, settingsProvider.checkOptions(settings).locale)];
  try {
    const { findings } = analysis.get(document, mode === 'force', settingsProvider.checkOptions(settings));
    return toDiagnostics(findings, document.uri, diagnosticOptions);
  } catch (error) {
    // Not a rule (those are caught by the engine) but the reader itself: show nothing rather than stale results.
    logError(`nianbao: reading ${document.uri} (version ${document.version}) failed`, error);
    return [];
  }
}

function send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
  connection
    .sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics })
    .catch((error: unknown) => logError(`nianbao: publishing diagnostics for ${uri} failed`, error));
}

function logError(message: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  connection.console.error(`${message}: ${detail}`);
}

registerEditorFeatures(connection, {
  documents,
  analysis,
  settings: () => settingsProvider,
  hierarchicalSymbols: () => hierarchicalSymbols,
  logError,
});

documents.listen(connection);
connection.listen();
