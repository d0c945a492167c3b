// `.nianbaorc.json` for the server: the nearest one above a document (a document that is not a file —
// untitled — uses the first workspace folder's). Read from disk once per file and kept until the client
// reports a change to it (workspace/didChangeWatchedFiles). Its problems are published as diagnostics
// on the file itself, at the offending key; an invalid file never stops the checking (its valid keys apply).

import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { RC_FILE_NAME, type PartialConfig, type RcProblem } from '../../shared/src/config';
import { findRcFile, loadRcFile } from '../../shared/src/rcFile';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** The code of a diagnostic on `.nianbaorc.json` (not a report finding). */
const CONFIG_DIAGNOSTIC_CODE = 'invalid-config';

export type PublishRcDiagnostics = (uri: string, diagnostics: Diagnostic[]) => void;

function rcDiagnostics(problems: readonly RcProblem[]): Diagnostic[] {
  return problems.map((p) => ({
    range: p.range,
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_DIAGNOSTIC_CODE,
    message: p.message,
  }));
}

export function isRcFileUri(uri: string): boolean {
  return uri.endsWith('/' + RC_FILE_NAME);
}

export class RcFiles {
  private readonly loaded = new Map<string, PartialConfig>();
  private workspaceFolders: string[] = [];

  constructor(private readonly publish: PublishRcDiagnostics) {}

  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map(pathOf).filter((p): p is string => p !== undefined);
  }

  /** The configuration of the `.nianbaorc.json` that applies to a document, or undefined. */
  configFor(documentUri: string): PartialConfig | undefined {
    const path = pathOf(documentUri);
    const rcPath = path
      ? findRcFile(dirname(path))
      : this.workspaceFolders[0] && findRcFile(this.workspaceFolders[0], this.workspaceFolders[0]);
    if (!rcPath) return undefined;
    let config = this.loaded.get(rcPath);
    if (!config) {
      const rc = loadRcFile(rcPath);
      config = rc.config;
      this.loaded.set(rcPath, config);
      this.publish(pathToFileURL(rcPath).href, rcDiagnostics(rc.problems));
    }
    return config;
  }

  /** A `.nianbaorc.json` was created, changed or deleted: read it again now, so that its problems show at once. */
  changed(uri: string, deleted: boolean): void {
    const path = pathOf(uri);
    if (!path) return;
    this.loaded.delete(path);
    if (deleted) {
      this.publish(uri, []);
      return;
    }
    const rc = loadRcFile(path);
    this.loaded.set(path, rc.config);
    this.publish(pathToFileURL(path).href, rcDiagnostics(rc.problems));
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
