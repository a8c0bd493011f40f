import { freePorts, waitFor } from '@fleet/testing';
import { startOtlpCollector, type CollectedSpan, type OtlpCollector } from './otlp-collector';
import { frontDoor, ok, startProcessPlatform, type ProcessPlatform } from './process-platform';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { seedDemoStore } = require('../../scripts/seed') as {
  seedDemoStore(env: Record<string, string>, log: (line: string) => void): Promise<{ hosts: string[] }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { services } = require('../../scripts/services') as { services: Array<{ name: string }> };

const SERVER = 2;
const CONSUMER = 5;

/**
 * Issue 18, observability through the front door. Tracing: one checkout through the front door is one connected trace. Every service of
 * scripts/services.js exports over OTLP to a collector stand-in; the gateway's checkout request is
 * the root, and checkout, order, inventory and payment (over HTTP) and RabbitMQ consumers (through
 * the outbox and the message's traceparent) hang under it.
 */
let platform: ProcessPlatform;
let collector: OtlpCollector;
let opsUrl: string;
beforeAll(async () => {
  collector = await startOtlpCollector();
  const [opsPort] = await freePorts(1);
  opsUrl = `http://127.0.0.1:${opsPort}`;
  const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' };
  const env = Object.fromEntries(services.map((s) => [s.name, { ...otel }])) as Record<
    string,
    Record<string, string>
  >;
  env.gateway = { ...env.gateway, OPS_PORT: String(opsPort) };
  platform = await startProcessPlatform(env);
}, 300_000);
afterAll(async () => {
  await platform?.stop();
  await collector?.close();
});

/** The spans of `trace` whose parent chain does not reach `root` (none, when connected). */
function detached(spans: CollectedSpan[], root: CollectedSpan): CollectedSpan[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  return spans.filter((span) => {
    let at: CollectedSpan | undefined = span;
    for (let hops = 0; at && hops < 100; hops++) {
      if (at.spanId === root.spanId) return false;
      at = at.parentSpanId ? byId.get(at.parentSpanId) : undefined;
    }
    return true;
  });
}

test('one checkout is one connected trace rooted at the gateway, across HTTP and RabbitMQ', async () => {
  const tenant = await seedDemoStore(platform.env('gateway'), () => undefined);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const { call, checkout } = frontDoor(platform);
  const list = await waitFor('the demo products', async () => {
    const out = ok(await call(host, '/api/store/products?limit=1')) as {
      items: Array<{ variants: Array<{ id: string }> }>;
    };
    return out.items.length ? out : undefined;
  });
  const order = await checkout(host, list.items[0]?.variants[0]?.id as string);

  const root = await waitFor('the gateway span of the checkout', async () =>
    collector.spans.find(
      (s) => s.service === 'gateway' && s.kind === SERVER && s.name === 'POST /api/store/checkout',
    ),
  );
  expect(root.parentSpanId).toBeUndefined();
  const inTrace = () => collector.spans.filter((s) => s.traceId === root.traceId);
  const wanted = ['checkout', 'order', 'inventory', 'payment'];
  const trace = await waitFor(
    'spans of checkout, order, inventory, payment and a consumer in the trace',
    async () => {
      const spans = inTrace();
      const seen = new Set(spans.filter((s) => s.kind === SERVER).map((s) => s.service));
      const consumed = spans.some((s) => s.kind === CONSUMER);
      return wanted.every((w) => seen.has(w)) && consumed ? spans : undefined;
    },
    { timeoutMs: 30_000 },
  );
  // Whatever else arrives meanwhile, every span of the trace hangs under the gateway's request.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const all = inTrace();
  expect(all.length).toBeGreaterThanOrEqual(trace.length);
  expect(detached(all, root).map((s) => `${s.service} ${s.name}`)).toEqual([]);
  expect(all.filter((s) => s.parentSpanId === undefined)).toEqual([root]);

  // The tenant is on the spans of its work: the root's, the services' and the consumers'.
  const tenantId = root.attributes['tenant.id'];
  expect(typeof tenantId).toBe('string');
  const tenantWork = all.filter(
    (s) => (s.kind === SERVER && wanted.includes(s.service)) || s.kind === CONSUMER,
  );
  expect(tenantWork.length).toBeGreaterThanOrEqual(5);
  for (const span of tenantWork)
    expect({ span: `${span.service} ${span.name}`, tenant: span.attributes['tenant.id'] }).toEqual({
      span: `${span.service} ${span.name}`,
      tenant: tenantId,
    });
  expect(order.orderId).toBeTruthy();
}, 300_000);

/** Every sample of `metric` in a Prometheus text exposition, by its label string. */
function samples(text: string, metric: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match && match[1] === metric) out.set(match[2] ?? '', Number(match[3]));
  }
  return out;
}

const metricsOf = async (url: string) => (await fetch(`${url}/metrics`)).text();

test('every service shows its operational metrics on /metrics, and the gateway counters move', async () => {
  for (const service of services.filter((s) => s.name !== 'gateway')) {
    const text = await metricsOf(platform.urlOf(service.name));
    expect({ service: service.name, http: text.includes('http_request_duration_seconds') }).toEqual({
      service: service.name,
      http: true,
    });
  }
  // Every service with an outbox and an application pool reports them (tenancy .. order).
  for (const name of ['tenancy', 'catalog', 'inventory', 'payment', 'order']) {
    const text = await metricsOf(platform.urlOf(name));
    expect({ name, backlog: samples(text, 'fleet_outbox_backlog').get(`{service="${name}"}`) }).toEqual({
      name,
      backlog: expect.any(Number),
    });
    expect({ name, lag: samples(text, 'fleet_outbox_lag_seconds').size }).toEqual({ name, lag: 1 });
    expect({
      name,
      pool: samples(text, 'fleet_db_pool_connections').get(`{service="${name}",state="total"}`),
    }).toEqual({
      name,
      pool: expect.any(Number),
    });
  }
  const order = await metricsOf(platform.urlOf('order'));
  expect([...samples(order, 'fleet_sagas').keys()].sort()).toEqual([
    '{status="compensating"}',
    '{status="running"}',
    '{status="waiting"}',
  ]);
  expect(samples(order, 'fleet_saga_overdue_seconds').get('')).toBeGreaterThanOrEqual(0);
  const checkout = await metricsOf(platform.urlOf('checkout'));
  expect(samples(checkout, 'fleet_circuit_state').get('{service="checkout",upstream="order"}')).toBe(0);
  expect(samples(order, 'fleet_dead_letter_messages').size).toBeGreaterThan(0);

  // The gateway's answer cache: a store read twice is a miss, then a hit.
  const tenant = await seedDemoStore(platform.env('gateway'), () => undefined);
  const host = `${tenant.hosts[0]}:${platform.urlOf('gateway').split(':').pop()}`;
  const { call } = frontDoor(platform);
  const hits = async () =>
    samples(await metricsOf(opsUrl), 'fleet_gateway_answer_cache_total').get('{result="hit"}') ?? 0;
  const before = await hits();
  for (let i = 0; i < 3; i++) ok(await call(host, '/api/store/products?limit=2'));
  expect(await hits()).toBeGreaterThan(before);
  const gateway = await metricsOf(opsUrl);
  expect(samples(gateway, 'fleet_circuit_state').size).toBeGreaterThan(0);
}, 60_000);
