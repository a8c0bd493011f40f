import type { Response } from 'express';
import { createServiceClient, type ServiceClient } from '@fleet/http';
import { requestCtx, requireSignedContext } from '@fleet/tenancy';
import { InMemorySpanExporter, startTelemetry, stopTelemetry, type ReadableSpan } from '@fleet/telemetry';
import { startTestServer, type TestServer } from './support/test-server';

const KEY = 'tracing-test-key-of-at-least-32-characters';
const SERVER = 1; // SpanKind.SERVER
const CLIENT = 2; // SpanKind.CLIENT

/** The `traceparent` each request to the callee carried, in order. */
const seen: Array<string | undefined> = [];
let callee: TestServer;
let caller: TestServer;
let stock: ServiceClient;

async function startApps(): Promise<void> {
  callee = await startTestServer({
    service: 'stock',
    routes(app) {
      app.use(requireSignedContext({ key: KEY, audience: 'stock' }));
      app.get('/levels/:sku', (req, res) => {
        seen.push(req.header('traceparent'));
        res.json({ tenant: requestCtx(res).tenantId });
      });
    },
  });
  stock = createServiceClient({ service: 'stock', caller: 'shop', baseUrl: callee.url, signingKey: KEY });
  caller = await startTestServer({
    service: 'shop',
    routes(app) {
      const buy = async (_req: unknown, res: Response) => {
        const answer = await stock.call(
          { requestId: 'r1', tenantId: 'ten_a' },
          { method: 'GET', path: '/levels/x' },
        );
        res.status(answer.ok ? 200 : 502).json({});
      };
      app.get('/buy', buy);
      app.post('/buy', buy); // after the JSON body is read: the context must survive body parsing
    },
  });
}

async function stopApps(): Promise<void> {
  await caller.close();
  await stock.close();
  await callee.close();
}

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  beforeAll(startApps);
  afterAll(stopApps);

  test('nothing is started and no trace header is sent', async () => {
    expect(startTelemetry('shop', {})).toBe(false);
    expect((await caller.get('/buy')).status).toBe(200);
    expect(seen.at(-1)).toBeUndefined();
  });
});

describe('tracing on', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(async () => {
    for (const service of ['shop', 'stock']) startTelemetry(service, {}, { exporter });
    await startApps();
  });
  afterAll(async () => {
    await stopApps();
    await stopTelemetry();
  });

  const spanOf = (service: string, kind: number, spans: ReadableSpan[]) =>
    spans.find((s) => s.resource.attributes['service.name'] === service && s.kind === kind);

  test("a request, its call and the callee's request are one trace, with the tenant on the callee's spans", async () => {
    exporter.reset();
    expect((await caller.get('/buy')).status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const root = spanOf('shop', SERVER, spans);
    const call = spanOf('shop', CLIENT, spans);
    const handled = spanOf('stock', SERVER, spans);
    expect(root?.name).toBe('GET /buy');
    expect(root?.parentSpanContext).toBeUndefined();
    expect(call?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
    expect(handled?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(handled?.name).toBe('GET /levels/:sku');
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(call?.attributes['tenant.id']).toBe('ten_a');
    expect(handled?.attributes['tenant.id']).toBe('ten_a');
    expect(seen.at(-1)).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  test('a request with a JSON body keeps its span through body parsing: the call is its child', async () => {
    exporter.reset();
    expect((await caller.post('/buy', JSON.stringify({ items: [1, 2, 3] }))).status).toBe(200);
    const spans = exporter.getFinishedSpans();
    const root = spanOf('shop', SERVER, spans);
    expect(root?.name).toBe('POST /buy');
    expect(spanOf('shop', CLIENT, spans)?.parentSpanContext?.spanId).toBe(root?.spanContext().spanId);
    expect(new Set(spans.map((s) => s.spanContext().traceId)).size).toBe(1);
  });

  test("a caller's traceparent is continued; a service with continueTrace false starts its own", async () => {
    exporter.reset();
    const parent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await callee.get('/healthz', { headers: { traceparent: parent } });
    const continued = spanOf('stock', SERVER, exporter.getFinishedSpans());
    expect(continued?.spanContext().traceId).toBe('0af7651916cd43dd8448eb211c80319c');

    const front = await startTestServer({ service: 'shop', continueTrace: false });
    try {
      exporter.reset();
      await front.get('/healthz', { headers: { traceparent: parent } });
      const fresh = spanOf('shop', SERVER, exporter.getFinishedSpans());
      expect(fresh?.spanContext().traceId).not.toBe('0af7651916cd43dd8448eb211c80319c');
      expect(fresh?.parentSpanContext).toBeUndefined();
    } finally {
      await front.close();
    }
  });
});
