import type { NextFunction, Request, Response } from 'express';
import { runWithContext, type Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, verifyContext } from '@fleet/context';

export interface SignedContextOptions {
  key: string;
  /** This service's name: contexts signed for another service are refused. */
  audience: string;
  maxAgeMs?: number;
  /** Paths served without a signed context (health probes). */
  publicPaths?: ReadonlySet<string>;
}

const DEFAULT_PUBLIC = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Services sit behind the gateway: every request must carry a context signed with the internal
 * key for this service, this method and this path. Unsigned, tampered, stale or replayed (signed
 * for another service, method or path) contexts are refused with 401 and reach no handler.
 */
export function requireSignedContext(options: SignedContextOptions) {
  const publicPaths = options.publicPaths ?? DEFAULT_PUBLIC;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (publicPaths.has(req.path)) return next();
    const url = req.originalUrl;
    const query = url.indexOf('?');
    const target = {
      audience: options.audience,
      method: req.method,
      path: query === -1 ? url : url.slice(0, query),
    };
    const result = verifyContext(req.header(CONTEXT_HEADER), options.key, target, {
      maxAgeMs: options.maxAgeMs,
    });
    if (!result.ok) {
      return next(
        new AppError('unauthenticated', 'This service only accepts requests signed by the gateway.', {
          code: `internal_context_${result.reason}`,
        }),
      );
    }
    const ctx: Ctx = { ...result.ctx, requestId: result.ctx.requestId };
    res.locals.ctx = ctx;
    runWithContext(ctx, next);
  };
}

/** The verified context of this request (set by requireSignedContext). */
export function requestCtx(res: Response): Ctx {
  const ctx = res.locals.ctx as Ctx | undefined;
  if (!ctx) throw new AppError('internal', 'No request context: is requireSignedContext mounted?');
  return ctx;
}
