import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProductDocument } from '@fleet/contracts';
import { CONTEXT_HEADER, verifyContext } from '@fleet/tenancy';

export interface CatalogStub {
  url: string;
  /** Products served per tenant, in catalog order. */
  products: Map<string, ProductDocument[]>;
  /** Every page request, in order: tenant and cursor. */
  requests: Array<{ tenantId: string; cursor: string | null }>;
  /** Answer 500 to the next `n` requests for this cursor (`''` = the first page). */
  failNext(cursor: string, n?: number): void;
  /** Hold every answer until `release()` (to keep a run busy). */
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

/**
 * A stand-in for the catalog service's internal API, `GET /internal/products?cursor=&limit=`,
 * at its network boundary: it checks the signed context (a service actor and a tenant) as the
 * catalog does, and pages with an opaque cursor.
 */
export async function startCatalogStub(signingKey: string): Promise<CatalogStub> {
  const products = new Map<string, ProductDocument[]>();
  const requests: CatalogStub['requests'] = [];
  const failures = new Map<string, number>();
  let held: Array<() => void> | undefined;

  /** Checks and records the request now; returns how to answer it (now, or on release). */
  const handle = (req: IncomingMessage, res: ServerResponse): (() => void) => {
    const url = new URL(req.url ?? '/', 'http://catalog');
    const verified = verifyContext(req.headers[CONTEXT_HEADER] as string | undefined, signingKey);
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname !== '/internal/products') return () => send(404, { code: 'not_found' });
    if (!verified.ok) return () => send(401, { code: verified.reason });
    const { tenantId, actor } = verified.ctx;
    if (actor?.kind !== 'service' || !tenantId) return () => send(403, { code: 'internal_only' });
    const cursor = url.searchParams.get('cursor');
    requests.push({ tenantId, cursor });
    const failing = failures.get(cursor ?? '') ?? 0;
    if (failing > 0) {
      failures.set(cursor ?? '', failing - 1);
      return () => send(500, { code: 'internal' });
    }
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    const all = products.get(tenantId) ?? [];
    const end = start + limit;
    const nextCursor = end < all.length ? Buffer.from(String(end)).toString('base64url') : null;
    return () => send(200, { items: all.slice(start, end), nextCursor });
  };

  const server = createServer((req, res) => {
    const answer = handle(req, res);
    if (held) held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    products,
    requests,
    failNext: (cursor, n = 1) => void failures.set(cursor, n),
    hold: () => void (held ??= []),
    release() {
      const waiting = held ?? [];
      held = undefined;
      for (const run of waiting) run();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
