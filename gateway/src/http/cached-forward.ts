import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';
import { INTERNAL_HEADER_PREFIX } from '@fleet/tenancy';
import type { CachedAnswer, ResponseCache } from '../data-access/response-cache';
import type { GatewayExchange } from './gateway-request';
import { forward } from './proxy';
import { HOP_BY_HOP, type ResponseTap } from './relay-handler';
import type { Upstream } from './upstream';
import { answerCacheLookups } from './gateway-metrics';

export const CACHE_STATUS_HEADER = 'x-cache';

/** Upstream headers that belong to one exchange, not to the answer (the storefront's own cache status too). */
const NOT_REPLAYED: ReadonlySet<string> = new Set([
  'date',
  'x-request-id',
  'set-cookie',
  'age',
  'x-page-cache',
]);

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

/** What `forwardCached` needs of the route rule: its stamp names, and whether it serves pages. */
export interface CachedRoute {
  cache: string | readonly string[];
  pages?: true;
}

/**
 * A store read that the upstream's data owner stamps (`route.cache`): served from the cache while
 * the tenant's stamps are the ones the answer was stored with, else forwarded and, when the answer
 * may be kept, stored under the stamps read before the upstream was asked. A write that lands
 * meanwhile renews a stamp, so such an answer is never served again.
 *
 * Pages (`route.pages`) are kept per scheme and host as well (a page's canonical links name its
 * host), only when the storefront marks them shareable HTML (`pageMayShare`). The miss goes to the
 * client as the storefront sent it (gzipped when the client takes it); the gateway keeps the page
 * unzipped, gzips it again on the first hit that takes gzip, and answers each client accordingly.
 */
export async function forwardCached(
  cache: ResponseCache,
  x: GatewayExchange,
  upstream: Upstream,
  extra: () => Record<string, string>,
  route: CachedRoute,
  tenantId: string,
): Promise<void> {
  const { req, res } = x;
  const pages = route.pages === true;
  const stamp = await cache.stamps(tenantId, typeof route.cache === 'string' ? [route.cache] : route.cache);
  const key = pages
    ? `${tenantId} ${x.client.protocol}://${req.headers.host ?? ''} ${req.url ?? ''}`
    : `${tenantId} ${req.url ?? ''}`;
  const hit = stamp === null ? undefined : cache.get(key, stamp);
  if (hit) {
    answerCacheLookups.inc({ result: 'hit' });
    return replay(req, res, hit);
  }
  res.setHeader(CACHE_STATUS_HEADER, stamp === null ? 'BYPASS' : 'MISS');
  answerCacheLookups.inc({ result: stamp === null ? 'bypass' : 'miss' });
  let tap: ResponseTap | undefined;
  if (stamp !== null) {
    const keep = (answer: Omit<CachedAnswer, 'storedAt'>) => {
      const kept = pages ? keptPage(answer) : answer;
      if (kept) cache.set(key, kept);
    };
    tap = collector(cache.maxEntryBytes, stamp, pages ? pageMayShare : mayShare, keep);
  }
  await forward(upstream, req, res, extra(), x.client, tenantId, tap);
}

function replay(req: IncomingMessage, res: ServerResponse, hit: CachedAnswer): void {
  res.statusCode = hit.status;
  for (const [name, value] of hit.headers) res.setHeader(name, value);
  res.setHeader(CACHE_STATUS_HEADER, 'HIT');
  let body = hit.body;
  if (hit.compressible && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    // Compressed once, on the first hit that takes gzip: a page asked for once costs no gzip.
    hit.gzip ??= gzipSync(hit.body, { level: 6 });
    body = hit.gzip;
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', body.length);
  res.end(body);
}

/**
 * A page is kept as plain HTML (unzipped when the storefront gzipped it for this client), its
 * length set per answer; over 1 KB it is served gzipped to clients that take it.
 */
function keptPage(answer: Omit<CachedAnswer, 'storedAt'>): Omit<CachedAnswer, 'storedAt'> | null {
  const drop = new Set(['content-length', 'content-encoding']);
  const headers = answer.headers.filter(([name]) => !drop.has(name));
  let body = answer.body;
  if (answer.headers.some(([name, value]) => name === 'content-encoding' && value === 'gzip')) {
    try {
      body = gunzipSync(body);
    } catch {
      return null;
    }
  }
  return { ...answer, headers, body, compressible: body.length > 1024 };
}

/** Collects a 200 answer that may be shared, up to `maxBytes`, and hands it over when complete. */
function collector(
  maxBytes: number,
  stamp: string,
  mayKeep: (headers: IncomingHttpHeaders) => boolean,
  keep: (answer: Omit<CachedAnswer, 'storedAt'>) => void,
): ResponseTap {
  let status = 0;
  let headers: Array<[string, string | string[]]> | null = null;
  let chunks: Buffer[] = [];
  let size = 0;
  return {
    start(statusCode, upstreamHeaders) {
      status = statusCode;
      headers = statusCode === 200 && mayKeep(upstreamHeaders) ? replayable(upstreamHeaders) : null;
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

/**
 * A page may be kept only when the storefront says it is the same for every visitor: HTML,
 * an explicit cache-control that is neither private nor no-store, no cookie set, and a Vary on
 * nothing but the encoding and the cookies (the gateway keeps only requests without cookies).
 */
function pageMayShare(headers: IncomingHttpHeaders): boolean {
  const control = String(headers['cache-control'] ?? '').toLowerCase();
  const vary = String(headers.vary ?? '')
    .toLowerCase()
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return (
    String(headers['content-type'] ?? '').startsWith('text/html') &&
    control !== '' &&
    !control.includes('no-store') &&
    !control.includes('private') &&
    headers['set-cookie'] === undefined &&
    (headers['content-encoding'] === undefined || headers['content-encoding'] === 'gzip') &&
    vary.every((v) => v === 'accept-encoding' || v === 'cookie')
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
