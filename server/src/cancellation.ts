// Cancellation of stale requests. The analysis itself is synchronous and well under a millisecond, so a
// request can only go stale while it waits (for the document's settings): a request the client cancelled
// meanwhile is answered with RequestCancelled instead of a result nobody reads.
//
// Requests cancelled before they are dispatched are answered by vscode-jsonrpc itself; checks that are no
// longer the latest publish nothing (the generation counter in server.ts); typing within the debounce
// delay replaces the pending check (debouncer.ts).

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * Wraps a request handler: a request already cancelled is not run, and one cancelled while its handler
 * was waiting is answered with RequestCancelled rather than with its (stale) result.
 */
export function cancellable<P, R>(
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R | ResponseError<void>> {
  return async (params, token) => {
    if (token.isCancellationRequested) return cancelledError();
    const result = await handler(params, token);
    return token.isCancellationRequested ? cancelledError() : result;
  };
}
