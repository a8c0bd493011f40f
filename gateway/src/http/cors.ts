import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAllowedOrigin } from '../domain/cors-policy';
import { answerError, originNotAllowed } from './problems';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, x-request-id';
const EXPOSED_HEADERS = 'x-request-id, retry-after, www-authenticate';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * CORS for a store's own origins (its hosts, see cors-policy.ts), with credentials. Answers a
 * preflight itself and returns true then; otherwise decorates the response and returns false.
 * A foreign origin gets no CORS headers (and a 403 on preflight), so the browser blocks it.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  hosts: readonly string[],
): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  res.setHeader('Vary', 'Origin');
  const allowed = isAllowedOrigin(origin, hosts);
  if (allowed) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  if (!preflight) {
    if (allowed) res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return false;
  }
  if (!allowed) {
    answerError(res, path, originNotAllowed());
    return true;
  }
  res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
  res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
  res.statusCode = 204;
  res.end();
  return true;
}
