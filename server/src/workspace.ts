// The whole workspace at once: every report in the workspace folders gets its diagnostics, opened or not
// (pushed with textDocument/publishDiagnostics, which VS Code shows in the Problems view for files that
// are not open). On with the setting `nianbao.checkWorkspace`, or once with the command
// `nianbao.checkWorkspace` (「检查工作区全部年报」).
//
// A scan never blocks the editor: one file at a time, yielding to the event loop between files, so that a
// keystroke in an open document is answered in the middle of a scan of thousands. A new scan, the setting
// turned off, the user's cancel on the progress notification or shutdown cancels the running one.
// Files the editor has open are left to the document checks; a file changed or deleted on disk
// (workspace/didChangeWatchedFiles) is checked again, and one that is closed is checked from disk again.
//
// `listReportFiles` is the reusable part: the report files below a folder, as an async generator.

import * as buffer from 'node:buffer';
import { opendir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Diagnostic, type FileEvent } from 'vscode-languageserver/node';
import { loadConverters } from '../../shared/src/inputs/load';
import { checkText } from '../../shared/src/engine';
import { msg, type Locale } from '../../shared/src/messages';
import { hasExtension, isReportByName, isSkippedDirectory, TEXT_REPORT_EXTENSIONS } from '../../shared/src/reportFiles';
import { toDiagnostics, type DiagnosticOptions } from './diagnostics';
import { sizeOverLimit, tooLargeDiagnostic } from './limits';
import { checkModeFor, type NianbaoSettings } from './settings';
import type { AnalysisOptions } from './analysis';

export const CHECK_WORKSPACE_COMMAND = 'nianbao.checkWorkspace';

/** The files a workspace check reads: text files (Word documents and web pages are imported, not checked in place). */
function hasReportExtension(path: string): boolean {
  return hasExtension(path, TEXT_REPORT_EXTENSIONS);
}

/**
 * The language a file would open in (package.json: `*.nianbao.md` / `*.nianbao.txt` are the nianbao
 * language): what decides whether it is checked always or only when it looks like a report.
 */
export function languageOfPath(path: string): string {
  if (isReportByName(path)) return 'nianbao';
  return path.toLowerCase().endsWith('.md') ? 'markdown' : 'plaintext';
}

/**
 * Every `.txt` / `.md` file below `dir`, depth first, entries in name order; hidden folders and
 * node_modules skipped; a folder that cannot be read is skipped. Lazy: a caller that stops early reads no more.
 */
export async function* listReportFiles(dir: string): AsyncGenerator<string> {
  let entries: { name: string; directory: boolean; file: boolean }[];
  try {
    entries = [];
    for await (const entry of await opendir(dir)) entries.push({ name: entry.name, directory: entry.isDirectory(), file: entry.isFile() });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.directory) {
      if (!isSkippedDirectory(entry.name)) yield* listReportFiles(path);
    } else if (entry.file && hasReportExtension(entry.name)) {
      yield path;
    }
  }
}

/** A file URI → its path, or undefined for other schemes and malformed URIs. */
export function pathOfUri(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Progress shown while a scan runs (a work-done progress in VS Code); `cancelled` is the user's cancel. */
export interface ScanProgress {
  report(done: number, total: number, file: string): void;
  done(): void;
  readonly cancelled: boolean;
}

/** What the workspace check needs from the server. */
export interface WorkspaceHost {
  /** The workspace folders' URIs. */
  folders(): readonly string[];
  /** The paths of the documents the editor has open (their diagnostics come from the document checks). */
  openPaths(): ReadonlySet<string>;
  settings(folderUri: string, fileUri: string): Promise<NianbaoSettings>;
  checkOptions(settings: NianbaoSettings): AnalysisOptions;
  diagnosticOptions(): DiagnosticOptions;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  progress(title: string): Promise<ScanProgress>;
  showMessage(message: string): void;
  log(message: string, error?: unknown): void;
}

export interface ScanSummary {
  /** Files read (not counting open documents). */
  files: number;
  /** Files with at least one diagnostic. */
  withFindings: number;
  errors: number;
  warnings: number;
  /** The scan was cancelled before the end. */
  cancelled: boolean;
}

/** node:buffer isUtf8 (Node ≥ 18.14), if this Node has it. */
const isUtf8: ((input: Uint8Array) => boolean) | undefined = (buffer as { isUtf8?: (input: Uint8Array) => boolean }).isUtf8;

/**
 * The text of a report file, or undefined when it is not text. UTF-8 directly; anything else (GB18030,
 * UTF-16 with BOM) through the converters bundle, loaded only then, so that the server does not carry
 * the GBK tables for the usual UTF-8 file.
 */
export async function readTextFile(path: string): Promise<string | undefined> {
  const bytes = await readFile(path);
  if (isUtf8?.(bytes) && !bytes.includes(0)) {
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  const decoded = loadConverters().decodeBytes(bytes);
  return decoded.ok ? decoded.text : undefined;
}

/** Diagnostics of one file read from disk, as the document check would give them (without fixes: they are built when it is opened). */
async function diagnosticsOfFile(
  path: string,
  uri: string,
  settings: NianbaoSettings,
  options: AnalysisOptions,
  diagnosticOptions: DiagnosticOptions,
): Promise<Diagnostic[]> {
  const mode = checkModeFor(languageOfPath(path), settings);
  if (mode === 'skip') return [];
  const text = await readTextFile(path);
  if (text === undefined) return [];
  const size = sizeOverLimit(text, settings.maxDocumentSize);
  if (size !== undefined) return mode === 'force' ? [tooLargeDiagnostic(size, settings.maxDocumentSize, options.locale)] : [];
  const { findings } = checkText(text, { ...options, force: mode === 'force', fixes: false });
  return toDiagnostics(findings, uri, diagnosticOptions);
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class WorkspaceChecker {
  /** Published diagnostics of files that are not open: path → the URI they were published under. */
  private readonly published = new Map<string, string>();
  /** Bumped by every scan and every stop: a scan whose generation is no longer current stops. */
  private generation = 0;
  /** The setting is on, or the command ran: changes on disk are followed. */
  private active = false;
  private bySetting = false;

  constructor(private readonly host: WorkspaceHost) {}

  /**
   * After initialization (`initial`) and after every configuration change: starts, restarts or stops
   * the background check.
   */
  async configurationChanged(initial = false): Promise<void> {
    const folders = this.host.folders();
    const enabled = await Promise.all(folders.map((f) => this.host.settings(f, f).then((s) => s.checkWorkspace)));
    if (enabled.some(Boolean)) {
      this.bySetting = true;
      this.active = true;
      void this.scan(false);
    } else if (this.bySetting) {
      this.bySetting = false;
      this.stop();
    } else if (this.active && !initial) {
      void this.scan(false); // activated by the command: settings such as severities changed, check again
    }
  }

  /** The command: checks every report once and says what it found; from then on, changes are followed. */
  runCommand(): Promise<ScanSummary> {
    this.active = true;
    return this.scan(true);
  }

  /** Stops the running scan and removes every diagnostic this checker published. */
  stop(): void {
    this.generation++;
    this.active = false;
    for (const uri of this.published.values()) this.host.publish(uri, []);
    this.published.clear();
  }

  /** Cancels a running scan (shutdown). */
  cancel(): void {
    this.generation++;
  }

  /**
   * A document was opened: its own check takes over; diagnostics published for the same file under
   * another spelling of its URI are removed, so the Problems view does not list the file twice.
   */
  documentOpened(uri: string): void {
    const path = pathOfUri(uri);
    if (path === undefined) return;
    const publishedUri = this.published.get(path);
    if (publishedUri === undefined) return;
    this.published.delete(path);
    if (publishedUri !== uri) this.host.publish(publishedUri, []);
  }

  /** A document was closed: true when the checker took it over (checked from disk), so its diagnostics stay. */
  documentClosed(uri: string): boolean {
    const path = pathOfUri(uri);
    const folder = path === undefined ? undefined : this.folderOf(path);
    if (!this.active || path === undefined || folder === undefined || !hasReportExtension(path)) return false;
    void this.checkOne(path, folder, uri).catch((error: unknown) => this.host.log(`nianbao: checking ${uri} failed`, error));
    return true;
  }

  /** workspace/didChangeWatchedFiles: report files created, changed or deleted on disk. */
  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    if (!this.active) return;
    const open = this.host.openPaths();
    for (const change of changes) {
      const path = pathOfUri(change.uri);
      if (path === undefined || !hasReportExtension(path) || open.has(path)) continue;
      const folder = this.folderOf(path);
      if (folder === undefined) continue;
      if (change.type === FileChangeType.Deleted) {
        const publishedUri = this.published.get(path);
        if (publishedUri !== undefined) {
          this.published.delete(path);
          this.host.publish(publishedUri, []);
        }
      } else {
        await this.checkOne(path, folder, change.uri);
      }
    }
  }

  /** Checks every report of every workspace folder, one file at a time. */
  async scan(announce: boolean): Promise<ScanSummary> {
    const generation = ++this.generation;
    const current = (): boolean => generation === this.generation;
    const summary: ScanSummary = { files: 0, withFindings: 0, errors: 0, warnings: 0, cancelled: false };
    const folders = this.host.folders();
    const [folder] = folders;
    const locale: Locale | undefined =
      folder === undefined ? undefined : this.host.checkOptions(await this.host.settings(folder, folder)).locale;
    const progress = await this.host.progress(msg('workspace.title', {}, locale));
    try {
      // The list first (paths only), so that the progress can say how far it is.
      const files: { path: string; folder: string }[] = [];
      for (const folder of folders) {
        const dir = pathOfUri(folder);
        if (dir === undefined) continue;
        for await (const path of listReportFiles(dir)) {
          if (!current() || progress.cancelled) return { ...summary, cancelled: true };
          files.push({ path, folder });
        }
      }
      const seen = new Set<string>();
      for (const [index, { path, folder }] of files.entries()) {
        if (!current() || progress.cancelled) return { ...summary, cancelled: true };
        progress.report(index, files.length, path);
        seen.add(path);
        const result = await this.checkOne(path, folder);
        if (result) {
          summary.files++;
          if (result.diagnostics.length > 0) summary.withFindings++;
          for (const d of result.diagnostics) {
            if (d.severity === 1) summary.errors++;
            else if (d.severity === 2) summary.warnings++;
          }
        }
        await yieldToEventLoop();
      }
      // Files gone since the last scan (deleted while no one watched): their diagnostics go too.
      for (const [path, uri] of [...this.published]) {
        if (!seen.has(path)) {
          this.published.delete(path);
          this.host.publish(uri, []);
        }
      }
      if (announce && current())
        this.host.showMessage(
          msg(
            'workspace.done',
            { files: summary.files, withFindings: summary.withFindings, errors: summary.errors, warnings: summary.warnings },
            locale,
          ),
        );
      return summary;
    } catch (error) {
      this.host.log('nianbao: checking the workspace failed', error);
      return { ...summary, cancelled: true };
    } finally {
      progress.done();
    }
  }

  /** Checks one file from disk and publishes its diagnostics (nothing for an open document). */
  private async checkOne(path: string, folder: string, uri = pathToFileURL(path).href): Promise<{ diagnostics: Diagnostic[] } | undefined> {
    const settings = await this.host.settings(folder, uri);
    const options = this.host.checkOptions(settings);
    let diagnostics: Diagnostic[];
    try {
      diagnostics = await diagnosticsOfFile(path, uri, settings, options, this.host.diagnosticOptions());
    } catch (error) {
      // A file deleted or unreadable meanwhile: nothing to show for it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.host.log(`nianbao: reading ${path} failed`, error);
      diagnostics = [];
    }
    // Opened while it was being read: the document's own check speaks for it.
    if (this.host.openPaths().has(path)) return undefined;
    const before = this.published.get(path);
    if (diagnostics.length > 0) {
      if (before !== undefined && before !== uri) this.host.publish(before, []);
      this.published.set(path, uri);
      this.host.publish(uri, diagnostics);
    } else if (before !== undefined) {
      this.published.delete(path);
      this.host.publish(before, []);
    }
    return { diagnostics };
  }

  /** The workspace folder (URI) a path lies in, if any. */
  private folderOf(path: string): string | undefined {
    for (const folder of this.host.folders()) {
      const dir = pathOfUri(folder);
      if (dir === undefined) continue;
      const rel = relative(dir, path);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return folder;
    }
    return undefined;
  }
}
