import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { runWithContext, type Ctx } from '@fleet/context';

function responseOf(req: Request): Response {
  if (!req.res) throw new Error('The request has no response attached (not an express request?).');
  return req.res;
}

/** The context of this request, as last set by `setRequestContext`. */
export function getRequestContext(req: Request): Ctx {
  const ctx: unknown = responseOf(req).locals.ctx;
  if (!ctx) throw new Error('No request context: is this app built with createHttpApp()?');
  return ctx as Ctx;
}

/**
 * Replaces the request's context (e.g. once the tenant is resolved): stores it on
 * `res.locals.ctx` and runs the rest of the middleware chain inside it, so the logger and the
 * database wrapper see the new context.
 */
export function setRequestContext(req: Request, ctx: Ctx, next: NextFunction): void {
  responseOf(req).locals.ctx = ctx;
  runWithContext(ctx, next);
}

/** Starts the request's context with its request id. Must follow `requestIdMiddleware`. */
export function requestContextMiddleware(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = String(res.locals.requestId);
    setRequestContext(req, { requestId }, next);
  };
}
