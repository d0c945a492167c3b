// One analysis per document version: diagnostics, code actions and hovers all read the same result.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, type CheckResult } from '../../shared/src/engine';

/** Reports a rule that threw; the other rules' findings are still used. */
export type RuleErrorReporter = (code: string, error: unknown, document: TextDocument) => void;

interface CacheEntry {
  version: number;
  force: boolean;
  result: CheckResult;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly onRuleError: RuleErrorReporter) {}

  /** The check result for this version of the document; analysed only when not cached. */
  get(document: TextDocument, force: boolean): CheckResult {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.force === force) return cached.result;
    const result = checkText(document.getText(), {
      force,
      onRuleError: (code, error) => this.onRuleError(code, error, document),
    });
    this.entries.set(document.uri, { version: document.version, force, result });
    return result;
  }

  /**
   * The result the diagnostics of this document came from (same version, same mode), for features
   * that answer about those diagnostics (code actions). Analyses in the document's default mode otherwise.
   */
  current(document: TextDocument): CheckResult {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.result;
    return this.get(document, cached?.force ?? document.languageId === 'nianbao');
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
