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

export function cancelledError(): ResponseError<void> {
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
  if (documents.get(uri) === undefined) return new ResponseError(ErrorCodes.InvalidParams, `not an open document: ${uri}`);
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
