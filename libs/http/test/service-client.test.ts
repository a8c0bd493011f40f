import { createServer, type Server } from 'node:net';
import type { Request, Response } from 'express';
import { createServiceClient, type ServiceClient, type ServiceClientOptions } from '@fleet/http';
import { requestCtx, requireSignedContext } from '@fleet/tenancy';
import { startTestServer, type TestServer } from './support/test-server';

const KEY = 'service-client-test-key-of-32-characters!';
const ctx = { requestId: 'req_1', tenantId: 'ten_a', correlationId: 'cor_1' };

/** What the callee saw and what it answers next: `script` answers the calls in order, then 200. */
interface Callee {
  calls: { method: string; path: string; body: unknown; tenantId?: string; actor?: unknown }[];
  script: number[];
  delayMs: number;
}

const callee: Callee = { calls: [], script: [], delayMs: 0 };

function answer(req: Request, res: Response): void {
  const seen = requestCtx(res);
  callee.calls.push({
    method: req.method,
    path: req.originalUrl,
    body: req.body,
    tenantId: seen.tenantId,
    actor: seen.actor,
  });
  const status = callee.script.shift() ?? 200;
  const send = () => {
    if (status >= 400) {
      res
        .status(status)
        .type('application/problem+json')
        .json({ type: 'about:blank', status, code: `scripted_${status}`, detail: `Scripted ${status}.` });
    } else {
      res.status(status).json({ seen: callee.calls.at(-1) });
    }
  };
  if (callee.delayMs > 0) setTimeout(send, callee.delayMs);
  else send();
}

describe('createServiceClient', () => {
  let server: TestServer;
  const clients: ServiceClient[] = [];

  const client = (overrides: Partial<ServiceClientOptions> = {}): ServiceClient => {
    const created = createServiceClient({
      service: 'stock',
      caller: 'shop',
      baseUrl: `${server.url}/svc`,
      signingKey: KEY,
      timeoutMs: 1_000,
      retryDelayMs: () => 1,
      ...overrides,
    });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await startTestServer({
      routes: (app) => {
        app.use('/svc', requireSignedContext({ key: KEY, audience: 'stock' }));
        app.all('/svc/{*rest}', answer);
      },
    });
  });
  beforeEach(() => {
    callee.calls = [];
    callee.script = [];
    callee.delayMs = 0;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  afterAll(() => server.close());

  it('signs the context for the callee, the method and the path, and sends and parses JSON', async () => {
    const result = await client().call<{ seen: Callee['calls'][number] }>(ctx, {
      method: 'POST',
      path: '/internal/reservations?dry=1',
      body: { orderId: 'ord_1', lines: [{ variantId: 'var_1', quantity: 2 }] },
    });
    expect(result).toEqual({
      ok: true,
      status: 200,
      body: {
        seen: {
          method: 'POST',
          path: '/svc/internal/reservations?dry=1',
          body: { orderId: 'ord_1', lines: [{ variantId: 'var_1', quantity: 2 }] },
          tenantId: 'ten_a',
          actor: { kind: 'service', id: 'shop' },
        },
      },
    });
  });

  it('is refused by a callee that does not share the key: a problem, and not a failure of the callee', async () => {
    const wrongKey = client({
      signingKey: 'another-key-that-is-32-characters-long!!',
      breaker: { volumeThreshold: 2 },
    });
    for (let i = 0; i < 4; i++) {
      const result = await wrongKey.call(ctx, { method: 'GET', path: '/internal/things' });
      expect(result).toMatchObject({
        ok: false,
        kind: 'problem',
        status: 401,
        problem: { code: 'internal_context_bad_signature' },
      });
    }
    expect(callee.calls).toHaveLength(0);
    expect(wrongKey.circuit()).toBe('closed');
  });

  it('is refused when signed for another audience', async () => {
    const result = await client({ service: 'payments' }).call(ctx, { method: 'GET', path: '/internal/x' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'problem',
      problem: { code: 'internal_context_wrong_target' },
    });
  });

  it('retries an idempotent call after a 5xx, and gives the answer of the last attempt', async () => {
    callee.script = [503, 500];
    const result = await client().call(ctx, { method: 'GET', path: '/internal/things/1' });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(callee.calls).toHaveLength(3);
  });

  it('stops after the bounded retries and says the callee is unavailable', async () => {
    callee.script = [503, 503, 503, 503];
    const result = await client({ retries: 2 }).call(ctx, {
      method: 'PUT',
      path: '/internal/things/1',
      body: {},
    });
    expect(result).toMatchObject({
      ok: false,
      kind: 'unavailable',
      reason: 'status',
      status: 503,
      problem: { code: 'scripted_503' },
    });
    expect(callee.calls).toHaveLength(3);
  });

  it('does not retry a POST without an Idempotency-Key', async () => {
    callee.script = [503];
    const result = await client().call(ctx, { method: 'POST', path: '/internal/payments', body: {} });
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', status: 503 });
    expect(callee.calls).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key, or that the caller declares idempotent', async () => {
    callee.script = [502];
    const keyed = await client().call(ctx, {
      method: 'POST',
      path: '/internal/refunds',
      body: {},
      headers: { 'Idempotency-Key': 'k1' },
    });
    expect(keyed).toMatchObject({ ok: true });
    expect(callee.calls).toHaveLength(2);

    callee.calls = [];
    callee.script = [502];
    const declared = await client().call(ctx, { method: 'POST', path: '/internal/commit', idempotent: true });
    expect(declared).toMatchObject({ ok: true });
    expect(callee.calls).toHaveLength(2);
  });

  it('never retries a 4xx answer', async () => {
    callee.script = [409];
    const result = await client().call(ctx, { method: 'GET', path: '/internal/things/1' });
    expect(result).toMatchObject({
      ok: false,
      kind: 'problem',
      status: 409,
      problem: { code: 'scripted_409' },
    });
    expect(callee.calls).toHaveLength(1);
  });

  it('gives up on a slow callee after the timeout, without retrying it', async () => {
    callee.delayMs = 800;
    const started = Date.now();
    const result = await client({ timeoutMs: 150 }).call(ctx, { method: 'GET', path: '/internal/slow' });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', reason: 'timeout' });
    expect(elapsed).toBeLessThan(700);
    expect(callee.calls).toHaveLength(1);
  });

  it('reports a callee that is not listening as a connection failure', async () => {
    const port = await closedPort();
    const result = await client({ baseUrl: `http://127.0.0.1:${port}` }).call(ctx, {
      method: 'GET',
      path: '/internal/things',
    });
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', reason: 'connection' });
  });

  it('opens the circuit on 5xx answers and then answers without calling the callee', async () => {
    const guarded = client({ retries: 0, breaker: { volumeThreshold: 4, resetTimeoutMs: 60_000 } });
    callee.script = [500, 500, 500, 500];
    for (let i = 0; i < 4; i++) await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    expect(guarded.circuit()).toBe('open');
    const result = await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    expect(result).toMatchObject({ ok: false, kind: 'unavailable', reason: 'circuit_open' });
    expect(result.ok === false && result.retryAfter).toBeGreaterThanOrEqual(1);
    expect(callee.calls).toHaveLength(4);
  });

  it('opens the circuit on connection failures', async () => {
    const port = await closedPort();
    const guarded = client({
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 0,
      breaker: { volumeThreshold: 3, resetTimeoutMs: 60_000 },
    });
    for (let i = 0; i < 3; i++) await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    expect(guarded.circuit()).toBe('open');
  });

  it('keeps the circuit closed however many 4xx the callee answers', async () => {
    const guarded = client({ retries: 0, breaker: { volumeThreshold: 4 } });
    callee.script = [404, 422, 409, 400, 404, 404, 404, 404];
    for (let i = 0; i < 8; i++) {
      const result = await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
      expect(result).toMatchObject({ ok: false, kind: 'problem' });
    }
    expect(guarded.circuit()).toBe('closed');
    expect(callee.calls).toHaveLength(8);
  });

  it('lets trial calls through after the reset timeout and closes when they all succeed', async () => {
    const guarded = client({
      retries: 0,
      breaker: { volumeThreshold: 2, resetTimeoutMs: 200, halfOpenTrials: 2 },
    });
    callee.script = [500, 500];
    for (let i = 0; i < 2; i++) await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    expect(guarded.circuit()).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(guarded.circuit()).toBe('half_open');

    expect(await guarded.call(ctx, { method: 'GET', path: '/internal/things' })).toMatchObject({ ok: true });
    expect(guarded.circuit()).toBe('half_open');
    expect(await guarded.call(ctx, { method: 'GET', path: '/internal/things' })).toMatchObject({ ok: true });
    expect(guarded.circuit()).toBe('closed');
  });

  it('reopens at once when a trial call fails', async () => {
    const guarded = client({ retries: 0, breaker: { volumeThreshold: 2, resetTimeoutMs: 200 } });
    callee.script = [500, 500, 503];
    for (let i = 0; i < 2; i++) await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(guarded.circuit()).toBe('half_open');
    await guarded.call(ctx, { method: 'GET', path: '/internal/things' });
    expect(guarded.circuit()).toBe('open');
  });

  it('sends a raw body as it is, signed for the actor it is given', async () => {
    const raw = '{"b":1,  "a":2}';
    const result = await client().call<{ seen: Callee['calls'][number] }>(ctx, {
      method: 'POST',
      path: '/api/webhooks/acme',
      rawBody: raw,
      actor: { kind: 'anonymous' },
    });
    expect(result).toMatchObject({
      ok: true,
      body: { seen: { body: { b: 1, a: 2 }, actor: { kind: 'anonymous' } } },
    });
  });
});

/** A port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
