import { randomUUID } from 'node:crypto';
import express from 'express';
import { serviceRegistry, startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { cacheStampKey, requestCtx, requireSignedContext } from '@fleet/tenancy';
import { KEY, startGateway, TEST_ROUTES, type GatewayFixture } from './gateway-fixture';

// A stamped upstream standing in for catalog: it numbers its answers, and can renew the stamp
// while it answers (a write landing between the gateway's stamp read and the answer).
let f: GatewayFixture;
let upstream: RunningHttpServer;
let hits = 0;
let acme: { id: string };
let bolt: { id: string };
const STAMP = 'shelf';
const renew = (tenantId: string) =>
  f.redis.client.set(cacheStampKey(f.redis.prefix, tenantId, STAMP), randomUUID());

beforeAll(async () => {
  const app = express();
  app.use(requireSignedContext({ key: KEY, audience: 'shelf' }));
  app.get('/api/store/shelf/private', (_req, res) => {
    hits++;
    res.set('cache-control', 'private').json({ n: hits });
  });
  app.get('/api/store/shelf/missing', (_req, res) => {
    hits++;
    res.status(404).json({ n: hits });
  });
  app.get('/api/store/shelf/racing', async (_req, res) => {
    hits++;
    await renew(requestCtx(res).tenantId as string);
    res.json({ n: hits });
  });
  app.get('/api/store/shelf/{*rest}', (req, res) => {
    hits++;
    res.json({ n: hits, tenantId: requestCtx(res).tenantId, actor: requestCtx(res).actor, url: req.url });
  });
  upstream = await startHttpServer(app, { port: 0, logger: createLogger({ service: 't', level: 'silent' }) });
  f = await startGateway('gw_cache', {
    upstreamUrls: { shelf: upstream.url },
    routes: [
      ...TEST_ROUTES,
      {
        door: 'store',
        prefix: '/api/store/shelf',
        upstream: 'shelf',
        audience: 'shopper',
        auth: 'public',
        cache: STAMP,
      },
    ],
  });
  acme = await f.provision('acme');
  bolt = await f.provision('bolt');
});
afterAll(async () => {
  await f.close();
  await upstream.close();
});

const read = async (host: string, path: string, headers: Record<string, string> = {}) => {
  const res = await f.get(host, path, { headers });
  return {
    status: res.status,
    cache: res.headers['x-cache'],
    body: res.json() as { n: number; tenantId?: string },
  };
};

test('an anonymous read is kept and served again until the store renews its stamp', async () => {
  const first = await read('acme.fleet.test', '/api/store/shelf/items?limit=20');
  expect(first).toMatchObject({ status: 200, cache: 'MISS', body: { tenantId: acme.id } });
  const before = hits;
  const second = await read('acme.fleet.test', '/api/store/shelf/items?limit=20');
  expect(second).toEqual({ ...first, cache: 'HIT' });
  expect(hits).toBe(before);
  // Another query string is another answer.
  expect((await read('acme.fleet.test', '/api/store/shelf/items?limit=10')).cache).toBe('MISS');

  await renew(acme.id);
  const third = await read('acme.fleet.test', '/api/store/shelf/items?limit=20');
  expect(third.cache).toBe('MISS');
  expect(third.body.n).toBeGreaterThan(first.body.n);
  expect((await read('acme.fleet.test', '/api/store/shelf/items?limit=20')).body).toEqual(third.body);
});

test("one store's kept answer never answers another store, and its renewal leaves the other alone", async () => {
  const a = await read('acme.fleet.test', '/api/store/shelf/same');
  const b = await read('bolt.fleet.test', '/api/store/shelf/same');
  expect(b).toMatchObject({ cache: 'MISS', body: { tenantId: bolt.id } });
  expect((await read('bolt.fleet.test', '/api/store/shelf/same')).body).toEqual(b.body);
  await renew(bolt.id);
  expect((await read('acme.fleet.test', '/api/store/shelf/same')).body).toEqual(a.body);
  expect((await read('bolt.fleet.test', '/api/store/shelf/same')).cache).toBe('MISS');
});

test('an answer during which the store wrote is not served again', async () => {
  const first = await read('acme.fleet.test', '/api/store/shelf/racing');
  const second = await read('acme.fleet.test', '/api/store/shelf/racing');
  expect([first.cache, second.cache]).toEqual(['MISS', 'MISS']);
  expect(second.body.n).toBeGreaterThan(first.body.n);
});

test('answers that are personal, private, errors or conditional go upstream every time', async () => {
  const token = await f.issuer.sign({ sub: 'cus_1', tid: acme.id, roles: ['customer'] });
  const auth = { authorization: `Bearer ${token}` };
  for (const [path, headers] of [
    ['/api/store/shelf/mine', auth],
    ['/api/store/shelf/private', {}],
    ['/api/store/shelf/missing', {}],
    ['/api/store/shelf/conditional', { 'if-none-match': 'W/"x"' }],
  ] as Array<[string, Record<string, string>]>) {
    const before = hits;
    await read('acme.fleet.test', path, headers);
    const again = await read('acme.fleet.test', path, headers);
    expect(again.cache).not.toBe('HIT');
    expect(hits).toBe(before + 2);
  }
  const mine = await read('acme.fleet.test', '/api/store/shelf/mine', auth);
  expect(mine.cache).toBeUndefined();
  expect(mine.body).toMatchObject({ actor: { kind: 'customer', id: 'cus_1' } });
});

test("the answer cache counts its hits and misses on the gateway's /metrics registry", async () => {
  const count = async (result: string) => {
    const metric = await serviceRegistry('gateway').getSingleMetricAsString(
      'fleet_gateway_answer_cache_total',
    );
    const line = metric
      .split('\n')
      .find((l) => l.startsWith(`fleet_gateway_answer_cache_total{result="${result}"} `));
    return Number(line?.split(' ').pop() ?? 0);
  };
  const [hitsBefore, missesBefore] = [await count('hit'), await count('miss')];
  const path = `/api/store/shelf/counted-${randomUUID()}`;
  expect((await read('bolt.fleet.test', path)).cache).toBe('MISS');
  expect((await read('bolt.fleet.test', path)).cache).toBe('HIT');
  expect((await read('bolt.fleet.test', path)).cache).toBe('HIT');
  expect([(await count('hit')) - hitsBefore, (await count('miss')) - missesBefore]).toEqual([2, 1]);
});
