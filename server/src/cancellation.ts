// Guards every request handler shares: cancellation of stale requests, and requests about a document
// the server does not have (never opened, an unknown URI scheme, a malformed `textDocument`), which are
// answered with an error instead of reaching the handler.
//
// The analysis itself is synchronous and well under a millisecond, so a request can only go stale while
// it waits (for the document's settings): a request the client cancelled meanwhile is answered with
// RequestCancelled instead of a result nobody reads. Requests cancelled before they are dispatched are
// answered by vscode-jsonrpc itself; checks that are no longer the latest publish nothing (the
// generation counter in server.ts); typing within the debounce delay replaces the pending check.

import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** The open documents, as far as a guard needs them. */
export interface OpenDocuments {
  get(uri: string): unknown;
}

/** Why a request's `textDocument` cannot be answered, or undefined when it names an open document. */
export function documentProblem(params: unknown, documents: OpenDocuments): ResponseError<void> | undefined {
  const textDocument = (params as { textDocument?: { uri?: unknown } } | null | undefined)?.textDocument;
  const uri = textDocument?.uri;
  if (typeof uri !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri)) {
    return new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri is missing or not a URI');
  }
  const document = documents.get(uri);
  if (document === undefined) return new ResponseError(ErrorCodes.InvalidParams, `not an open document: ${uri}`);
  return positionProblem(params as Record<string, unknown>, document as { lineCount?: unknown });
}

/** A position the request names: two non-negative integers, on a line of the document. */
function badPosition(value: unknown, lineCount: number | undefined): string | undefined {
  const p = value as { line?: unknown; character?: unknown } | null;
  if (typeof p !== 'object' || p === null || !Number.isSafeInteger(p.line) || !Number.isSafeInteger(p.character))
    return 'is not a position';
  const line = p.line as number;
  if (line < 0 || (p.character as number) < 0) return 'is negative';
  // A character past the line's end means the end of the line (LSP), so only the line is checked here.
  if (lineCount !== undefined && line >= lineCount) return `is on line ${line}, the document has ${lineCount} lines`;
  return undefined;
}

/**
 * The `position`, the `range` and a codeAction's `context` of a request about an open document: malformed
 * or outside the document is InvalidParams, so no handler answers with a range outside the document.
 */
function positionProblem(params: Record<string, unknown>, document: { lineCount?: unknown }): ResponseError<void> | undefined {
  const lineCount = typeof document.lineCount === 'number' ? document.lineCount : undefined;
  const invalid = (what: string, why: string) => new ResponseError<void>(ErrorCodes.InvalidParams, `${what} ${why}`);
  if ('position' in params) {
    const why = badPosition(params.position, lineCount);
    if (why) return invalid('position', why);
  }
  if ('range' in params) {
    const range = params.range as { start?: unknown; end?: unknown } | null;
    const why =
      typeof range === 'object' && range !== null
        ? (badPosition(range.start, lineCount) ?? badPosition(range.end, lineCount))
        : 'is not a range';
    if (why) return invalid('range', why);
  }
  // A request with a range is a codeAction here (the only one the server answers): its context is required.
  if ('range' in params) {
    const context = params.context as { diagnostics?: unknown } | null | undefined;
    if (typeof context !== 'object' || context === null || !Array.isArray(context.diagnostics))
      return invalid('context', 'has no diagnostics array');
  }
  return undefined;
}

/**
 * Wraps a request handler about a document: a request about a document that is not open is answered
 * with InvalidParams; a request already cancelled is not run; one cancelled while its handler was
 * waiting is answered with RequestCancelled rather than with its (stale) result.
 */
export function cancellable<P, R>(
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
  documents: OpenDocuments,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelledError();
    const problem = documentProblem(params, documents);
    if (problem) return problem;
    const result = await handler(params, token);
    return token.isCancellationRequested ? cancelledError() : result;
  };
}
