import type { ErrorRequestHandler, Request } from 'express';
import { isAppError, type AppError } from '@fleet/errors';
import type { Logger } from '@fleet/logger';
import { fromBodyParserError } from './body-parser-error';
import { fromPathDecodeError } from './path-decode-error';
import { instanceOf, problemFor, sendProblem } from './problem-response';

function logFailure(logger: Logger, req: Request, err: unknown, known: AppError | undefined): void {
  const where = { method: req.method, path: instanceOf(req) };
  if (!known) logger.error({ err, ...where }, 'unhandled error');
  else if (known.type === 'internal') logger.error({ err, ...where }, known.message);
  else if (known.status >= 500) logger.warn({ err, ...where }, known.message);
}

/**
 * The one error handler of an app: AppErrors, body-parser errors and undecodable path parameters
 * become their problem;
 * anything else is logged with its stack and answered as a 500 that leaks nothing.
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const known = isAppError(err) ? err : (fromBodyParserError(err) ?? fromPathDecodeError(err));
    logFailure(logger, req, err, known);
    if (res.headersSent) {
      // Too late for a problem document: cut the connection so the client sees a failure.
      res.destroy();
      return;
    }
    sendProblem(res, problemFor(known ?? err, req), known?.retryAfter);
  };
}
