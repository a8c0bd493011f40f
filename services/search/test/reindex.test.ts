import { waitFor } from '@fleet/testing';
import { toSearchDocument } from '../src/domain/search-document';
import type { ReindexStatus } from '../src/messaging/reindex.queue';
import { startCatalogStub, type CatalogStub } from './catalog-stub';
import { newTenant, product } from './products';
import { SIGNING_KEY, startSearch, type SearchFixture } from './search-fixture';

let catalog: CatalogStub;
let search: SearchFixture;
const service = (tenantId?: string, method = 'POST') => ({
  method,
  ctx: { tenantId, actor: { kind: 'service' as const, id: 'console' } },
});

beforeAll(async () => {
  catalog = await startCatalogStub(SIGNING_KEY);
  search = await startSearch('search_reindex', { catalogUrl: catalog.url, pageSize: 100, backoffMs: 50 });
});
afterAll(async () => {
  await search.close();
  await catalog.close();
});

async function start(tenantId: string): Promise<ReindexStatus> {
  const res = await search.call('/internal/reindex', service(tenantId));
  expect(res.status).toBe(202);
  return (await res.json()) as ReindexStatus;
}

async function finished(jobId: string): Promise<ReindexStatus> {
  return waitFor(`reindex ${jobId} to complete`, async () => {
    const res = await search.call(`/internal/reindex/${jobId}`, {
      ctx: { actor: { kind: 'platform_admin', id: 'adm' } },
    });
    const status = (await res.json()) as ReindexStatus;
    return status.state === 'completed' ? status : undefined;
  });
}

function catalogOf(tenantId: string, count: number) {
  const items = Array.from({ length: count }, (_, i) =>
    product({ title: `Ceramic Bowl ${i}`, status: i % 10 === 9 ? 'draft' : 'active' }),
  );
  catalog.products.set(tenantId, items);
  return items;
}

test('pages through the catalog, indexes active products and reports progress (job id = tenant id)', async () => {
  const tenantId = newTenant();
  catalogOf(tenantId, 250);
  const queued = await start(tenantId);
  expect(queued).toMatchObject({ jobId: tenantId, tenantId });
  const done = await finished(queued.jobId);
  expect(done.progress).toEqual({ processed: 250, pages: 3, cursor: null, done: true });
  const result = await search.engine.search(tenantId, { q: 'bowl', limit: 1 });
  expect(result.estimatedTotal).toBe(225);
  expect(catalog.requests.filter((r) => r.tenantId === tenantId).map((r) => r.cursor === null)).toEqual([
    true,
    false,
    false,
  ]);
});

test('one run per tenant at a time; a new run after it finished is idempotent', async () => {
  const tenantId = newTenant();
  const [bowl] = catalogOf(tenantId, 120);
  if (!bowl) throw new Error('no product');
  catalog.hold();
  const first = await start(tenantId);
  const second = await start(tenantId);
  expect(second.jobId).toBe(first.jobId);
  catalog.release();
  await finished(first.jobId);
  // An event newer than the catalog page arrives between runs: the second run must not undo it.
  await search.engine.upsert(tenantId, [{ ...toSearchDocument(bowl), title: 'Newer Bowl', version: 2 }]);
  const again = await start(tenantId);
  expect(again.state).not.toBe('completed');
  await finished(again.jobId);
  const hits = await search.engine.search(tenantId, { q: 'newer', limit: 5 });
  expect(hits.hits.map((h) => h.id)).toEqual([bowl.id]);
  expect((await search.engine.search(tenantId, { q: '', limit: 1 })).estimatedTotal).toBe(108);
  expect(catalog.requests.filter((r) => r.tenantId === tenantId && r.cursor === null)).toHaveLength(2);
});

test('a failed attempt is retried and resumes after the last indexed page', async () => {
  const tenantId = newTenant();
  catalogOf(tenantId, 250);
  const secondPage = Buffer.from('100').toString('base64url');
  catalog.failNext(secondPage, 1);
  const done = await finished((await start(tenantId)).jobId);
  expect(done.attemptsMade).toBe(2);
  expect(done.progress).toMatchObject({ processed: 250, done: true });
  const cursors = catalog.requests.filter((r) => r.tenantId === tenantId).map((r) => r.cursor);
  expect(cursors).toEqual([null, secondPage, secondPage, Buffer.from('200').toString('base64url')]);
});

test('a worker shutting down mid-run hands the run over; the next worker resumes it', async () => {
  const tenantId = newTenant();
  catalogOf(tenantId, 250);
  const [worker] = search.workers;
  if (!worker) throw new Error('no worker');
  catalog.hold();
  const { jobId } = await start(tenantId);
  await waitFor('the first page request', () => catalog.requests.some((r) => r.tenantId === tenantId));
  const closing = worker.close();
  catalog.release();
  await closing;
  const paused = await search.reindex.status(jobId);
  expect(paused).toMatchObject({ state: 'delayed', progress: { processed: 100, pages: 1, done: false } });
  search.startWorker();
  const done = await finished(jobId);
  expect(done.progress).toMatchObject({ processed: 250, pages: 3, done: true });
  const cursors = catalog.requests.filter((r) => r.tenantId === tenantId).map((r) => r.cursor);
  expect(cursors).toEqual([
    null,
    Buffer.from('100').toString('base64url'),
    Buffer.from('200').toString('base64url'),
  ]);
});

test('only the platform may reindex; a store is required; unknown jobs are 404', async () => {
  const staff = await search.call('/internal/reindex', {
    method: 'POST',
    ctx: { tenantId: newTenant(), actor: { kind: 'staff', id: 'stf' } },
  });
  expect(staff.status).toBe(403);
  expect((await search.call('/internal/reindex', service())).status).toBe(404);
  expect((await search.call(`/internal/reindex/${newTenant()}`, service(undefined, 'GET'))).status).toBe(404);
  expect((await search.call('/internal/reindex/a:b', service(undefined, 'GET'))).status).toBe(400);
  const shopper = await search.call(`/internal/reindex/${newTenant()}`, {
    ctx: { actor: { kind: 'customer' } },
  });
  expect(shopper.status).toBe(403);
});
