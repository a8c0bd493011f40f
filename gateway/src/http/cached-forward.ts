import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { INTERNAL_HEADER_PREFIX } from '@fleet/tenancy';
import type { CachedAnswer, ResponseCache } from '../data-access/response-cache';
import type { GatewayExchange } from './gateway-request';
import { forward } from './proxy';
import { HOP_BY_HOP, type ResponseTap } from './relay-handler';
import type { Upstream } from './upstream';
import { answerCacheLookups } from './gateway-metrics';

export const CACHE_STATUS_HEADER = 'x-cache';

/** Upstream headers that belong to one exchange, not to the answer. */
const NOT_REPLAYED: ReadonlySet<string> = new Set(['date', 'x-request-id', 'set-cookie', 'age']);

/**
 * Whether this request may be answered from (and fill) the cache: an anonymous GET without a
 * body or conditional headers. Anything personal (a bearer token) always goes to the upstream.
 */
export function isCacheableRequest(req: IncomingMessage): boolean {
  const h = req.headers;
  return (
    req.method === 'GET' &&
    h.authorization === undefined &&
    h.cookie === undefined &&
    h['if-none-match'] === undefined &&
    h['if-modified-since'] === undefined &&
    h['content-length'] === undefined &&
    h['transfer-encoding'] === undefined
  );
}

/**
 * A store read that the upstream's data owner stamps (`route.cache`): served from the cache while
 * the tenant's stamp is the one the answer was stored with, else forwarded and, when the answer
 * may be kept, stored under the stamp read before the upstream was asked. A write that lands
 * meanwhile renews the stamp, so such an answer is never served again.
 */
export async function forwardCached(
  cache: ResponseCache,
  x: GatewayExchange,
  upstream: Upstream,
  extra: () => Record<string, string>,
  stampName: string,
  tenantId: string,
): Promise<void> {
  const { req, res } = x;
  const stamp = await cache.stamp(tenantId, stampName);
  const key = `${tenantId} ${req.url ?? ''}`;
  const hit = stamp === null ? undefined : cache.get(key, stamp);
  if (hit) {
    res.statusCode = hit.status;
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.setHeader(CACHE_STATUS_HEADER, 'HIT');
    answerCacheLookups.inc({ result: 'hit' });
    res.end(hit.body);
    return;
  }
  res.setHeader(CACHE_STATUS_HEADER, stamp === null ? 'BYPASS' : 'MISS');
  answerCacheLookups.inc({ result: stamp === null ? 'bypass' : 'miss' });
  const tap = stamp === null ? undefined : collector(cache.maxEntryBytes, stamp, (a) => cache.set(key, a));
  await forward(upstream, req, res, extra(), x.client, tenantId, tap);
}

/** Collects a 200 answer that may be shared, up to `maxBytes`, and hands it over when complete. */
function collector(
  maxBytes: number,
  stamp: string,
  keep: (answer: Omit<CachedAnswer, 'storedAt'>) => void,
): ResponseTap {
  let status = 0;
  let headers: Array<[string, string | string[]]> | null = null;
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    start(statusCode, upstreamHeaders) {
      status = statusCode;
      headers = statusCode === 200 && mayShare(upstreamHeaders) ? replayable(upstreamHeaders) : null;
    },
    data(chunk) {
      if (!headers) return;
      size += chunk.length;
      if (size > maxBytes) {
        headers = null;
        chunks = [];
        return;
      }
      chunks.push(Buffer.from(chunk));
    },
    end() {
      if (headers) keep({ stamp, status, headers, body: Buffer.concat(chunks, size) });
    },
  };
}

function mayShare(headers: IncomingHttpHeaders): boolean {
  const control = String(headers['cache-control'] ?? '').toLowerCase();
  return (
    headers['set-cookie'] === undefined &&
    headers['content-encoding'] === undefined &&
    headers.vary === undefined &&
    !control.includes('no-store') &&
    !control.includes('private')
  );
}

function replayable(headers: IncomingHttpHeaders): Array<[string, string | string[]]> {
  const out: Array<[string, string | string[]]> = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || NOT_REPLAYED.has(name) || HOP_BY_HOP.has(name)) continue;
    if (name.startsWith(INTERNAL_HEADER_PREFIX)) continue;
    out.push([name, value]);
  }
  return out;
}
