// Core findings → LSP diagnostics.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Severity } from '../../shared/src/model';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries in `data`: the finding's facts, as the core made them. Not its fix: code
 * actions take the fixes from the server's own result of that version (analysis.ts), and a fix (a whole
 * table converted) would be sent again with every keystroke.
 */
export interface DiagnosticData {
  data?: Record<string, unknown>;
}

export interface DiagnosticOptions {
  /** The client supports `relatedInformation` (textDocument.publishDiagnostics.relatedInformation). */
  relatedInformation: boolean;
}

export function toDiagnostic(finding: Finding, uri: string, options: DiagnosticOptions): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (options.relatedInformation && finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related): DiagnosticRelatedInformation => ({
      location: { uri: related.uri ?? uri, range: related.range },
      message: related.message,
    }));
  }
  if (finding.data) diagnostic.data = { data: finding.data } satisfies DiagnosticData;
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[], uri: string, options: DiagnosticOptions): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, uri, options));
}
