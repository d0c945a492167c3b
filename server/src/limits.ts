// Limits that keep the editor responsive whatever it is given: a document over `nianbao.maxDocumentSize`
// is not analysed at all; it gets one information diagnostic at its first line saying so.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { DEFAULT_CONFIG } from '../../shared/src/config';
import { msg, type Locale } from '../../shared/src/messages';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** The code of the diagnostic on a document that was not analysed. */
export const TOO_LARGE_CODE = 'document-too-large';

/** Default of `nianbao.maxDocumentSize`: 2 MB (UTF-8 bytes). */
export const DEFAULT_MAX_DOCUMENT_SIZE = DEFAULT_CONFIG.maxDocumentSize;

/**
 * The size of a text in UTF-8 bytes when it is over `max`, else undefined. Cheap for small texts:
 * a text of n UTF-16 units takes between n and 3n bytes, so only texts in between are measured.
 */
export function sizeOverLimit(text: string, max: number): number | undefined {
  if (text.length <= max / 3) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  return size > max ? size : undefined;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** The one diagnostic of a document that is too large to analyse, in the language of the findings. */
export function tooLargeDiagnostic(size: number, max: number, locale?: Locale): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: TOO_LARGE_CODE,
    message: msg('document-too-large', { size: megabytes(size), max: megabytes(max) }, locale),
    data: { size, max },
  };
}
