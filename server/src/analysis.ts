// One analysis per document version: diagnostics, code actions and hovers all read the same result.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText, withFixes, type CheckOptions, type CheckResult } from '../../shared/src/engine';
import { emptyReaderCache, readReport, type ReaderCache } from '../../shared/src/reader';
import type { PreparedLastYear } from './lastYear';
import { DEFAULT_MAX_DOCUMENT_SIZE, sizeOverLimit } from './limits';

/** What the settings change in an analysis: severities, table format, message language. */
export type AnalysisOptions = Pick<CheckOptions, 'severities' | 'format' | 'locale'>;

/** Reports a rule that threw; the other rules' findings are still used. */
export type RuleErrorReporter = (code: string, error: unknown, document: TextDocument) => void;

interface CacheEntry {
  version: number;
  force: boolean;
  options: AnalysisOptions;
  /** `options` as JSON, to compare. */
  key: string;
  result: CheckResult;
  /** What the result was checked with, to build its fixes with the same options. */
  checkOptions: CheckOptions;
  /** The findings' quick fixes are built (only code actions need them: see withFixes). */
  fixed: boolean;
}

export class AnalysisCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Per document, what the reader keeps of the last version read: a new version re-reads only its changed lines. */
  private readonly readerCaches = new Map<string, ReaderCache>();
  /** Per document, last year's report of its agency as last prepared (server.ts, before each check): carry-over. */
  private readonly lastYears = new Map<string, PreparedLastYear>();

  /** Largest document analysed (UTF-8 bytes), per document; larger ones get an empty result (server.ts tells the user). */
  sizeLimit: (uri: string) => number = () => DEFAULT_MAX_DOCUMENT_SIZE;

  constructor(private readonly onRuleError: RuleErrorReporter) {}

  /**
   * The check result for this version of the document; analysed only when not cached. Its findings have
   * no quick fixes yet (diagnostics, the outline and the hover do not need them): `current` builds them.
   */
  get(document: TextDocument, force: boolean, options: AnalysisOptions = {}): CheckResult {
    const limit = this.sizeLimit(document.uri);
    const lastYear = this.lastYears.get(document.uri);
    const key = `${JSON.stringify(options)} ${limit} ${lastYear?.key ?? ''}`;
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.force === force && cached.key === key) return cached.result;
    const text = document.getText();
    const checkOptions: CheckOptions = {
      ...options,
      force,
      lastYear: lastYear?.lookup,
      onRuleError: (code, error) => this.onRuleError(code, error, document),
    };
    const result =
      sizeOverLimit(text, limit) !== undefined
        ? { model: readReport(''), findings: [] }
        : checkText(text, { ...checkOptions, fixes: false, readerCache: this.readerCacheOf(document.uri) });
    this.entries.set(document.uri, { version: document.version, force, options, key, result, checkOptions, fixed: false });
    return result;
  }

  /**
   * The result the diagnostics of this document came from (same version, same mode), for features
   * that answer about those diagnostics (code actions). Analyses in the document's default mode otherwise.
   */
  current(document: TextDocument): CheckResult {
    let cached = this.entries.get(document.uri);
    if (!cached || cached.version !== document.version) {
      this.get(document, cached?.force ?? document.languageId === 'nianbao', cached?.options);
      cached = this.entries.get(document.uri)!;
    }
    if (!cached.fixed) {
      withFixes(cached.result, cached.checkOptions);
      cached.fixed = true;
    }
    return cached.result;
  }

  /** The options the current result of this document was checked with. */
  optionsOf(uri: string): AnalysisOptions | undefined {
    return this.entries.get(uri)?.options;
  }

  /** Last year's report for the next analyses of this document (a changed key analyses it again). */
  setLastYear(uri: string, prepared: PreparedLastYear): void {
    this.lastYears.set(uri, prepared);
  }

  /** The model of the document's latest analysis, whatever its version. */
  lastModel(uri: string): CheckResult['model'] | undefined {
    return this.entries.get(uri)?.result.model;
  }

  delete(uri: string): void {
    this.lastYears.delete(uri);
    this.entries.delete(uri);
    this.readerCaches.delete(uri);
  }

  private readerCacheOf(uri: string): ReaderCache {
    let cache = this.readerCaches.get(uri);
    if (!cache) {
      cache = emptyReaderCache();
      this.readerCaches.set(uri, cache);
    }
    return cache;
  }
}
