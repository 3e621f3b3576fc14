// Running request handlers safely: a handler that throws is logged and answers
// its error value; a cancelled request answers "cancelled". After VS Code's CSS
// server (utils/runner.ts).
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Log {
  error(message: string): void;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  if (typeof err === 'string') return `${message}: ${err}`;
  return message;
}

function cancelled(): ResponseError<void> {
  return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** Run a request handler on the next turn of the event loop, so a cancellation that arrived meanwhile is seen. */
export function runSafe<T>(log: Log, func: () => T, errorValue: T, errorMessage: string, token: CancellationToken): Promise<T | ResponseError<void>> {
  return new Promise(resolve => {
    setImmediate(() => {
      if (token.isCancellationRequested) { resolve(cancelled()); return; }
      try {
        const result = func();
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        log.error(formatError(errorMessage, e));
        resolve(errorValue);
      }
    });
  });
}

/** Run a notification handler or background step, logging instead of throwing. */
export function runSafeVoid(log: Log, func: () => void | Promise<void>, errorMessage: string): void {
  try {
    const r = func();
    if (r && typeof (r as Promise<void>).then === 'function') (r as Promise<void>).catch(e => log.error(formatError(errorMessage, e)));
  } catch (e) {
    log.error(formatError(errorMessage, e));
  }
}
