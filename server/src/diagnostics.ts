// Core findings → LSP diagnostics.

import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import type { Finding, Fix, Severity } from '../../shared/src/model';

export const DIAGNOSTIC_SOURCE = 'nianbao';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data` for code actions: the finding's fix and facts, as the core made them. */
export interface DiagnosticData {
  fix?: Fix;
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
  const data: DiagnosticData = {};
  if (finding.fix) data.fix = finding.fix;
  if (finding.data) data.data = finding.data;
  if (data.fix || data.data) diagnostic.data = data;
  return diagnostic;
}

export function toDiagnostics(findings: readonly Finding[], uri: string, options: DiagnosticOptions): Diagnostic[] {
  return findings.map((finding) => toDiagnostic(finding, uri, options));
}
