import type { RequestHandler } from 'express';
import { AppError } from '@fleet/errors';

/** Last in the chain: no route answered, so the route does not exist. */
export function notFoundMiddleware(): RequestHandler {
  return (req, _res, next) => {
    next(
      new AppError('not_found', `No route matches ${req.method} on this path.`, { code: 'route_not_found' }),
    );
  };
}
