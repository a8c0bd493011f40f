import type { Request, RequestHandler } from 'express';

export const UNMATCHED_ROUTE = 'unmatched';

const patterns = new WeakMap<Request, string>();

function patternOf(baseUrl: string, route: unknown): string | undefined {
  if (typeof route !== 'object' || route === null || !('path' in route)) return undefined;
  const path = (route as { path: unknown }).path;
  const text = Array.isArray(path) ? path.map(String).join('|') : String(path);
  return `${baseUrl}${text}`;
}

/**
 * Records the matched route pattern (`/api/store/products/:id`) the moment the router assigns
 * `req.route`. Reading `req.route` only when the response finishes is not enough: by then a
 * nested router that passed an error on has already restored `req.baseUrl` to its parent's.
 */
export function routePatternMiddleware(): RequestHandler {
  return (req, _res, next) => {
    let current: unknown = req.route;
    Object.defineProperty(req, 'route', {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (route: unknown) => {
        current = route;
        const pattern = patternOf(req.baseUrl, route);
        if (pattern !== undefined) patterns.set(req, pattern);
      },
    });
    next();
  };
}

/** The matched route pattern, or `unmatched`; never the raw URL (bounded label cardinality). */
export function routePatternOf(req: Request): string {
  return patterns.get(req) ?? UNMATCHED_ROUTE;
}
