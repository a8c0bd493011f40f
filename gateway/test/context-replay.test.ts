import express from 'express';
import { createHttpApp, startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createLogger } from '@fleet/logger';
import { CONTEXT_HEADER, requestCtx, requireSignedContext, type TenantSnapshot } from '@fleet/tenancy';
import { KEY, startGateway, TEST_ROUTES, type GatewayFixture } from './gateway-fixture';

// An insider who captures the context header the gateway sent to one service (a log line, a
// mirrored port) tries it, within its 30 seconds, on another service, another route and another
// method. The header is signed for its audience, method and path: every replay is refused with 401.

const quiet = createLogger({ service: 'capture', level: 'silent' });
let captured: string | undefined;
let capture: RunningHttpServer;
let f: GatewayFixture;
let acme: TenantSnapshot;

/** An upstream named `capture` that keeps the last context header it was sent. */
function captureApp() {
  return createHttpApp({
    logger: quiet,
    routes(app) {
      app.use((req, _res, next) => {
        captured = req.header(CONTEXT_HEADER);
        next();
      });
      app.use(requireSignedContext({ key: KEY, audience: 'capture' }));
      app.all('/api/store/capture/{*rest}', express.text({ type: '*/*' }), (req, res) => {
        res.json({ tenantId: requestCtx(res).tenantId, method: req.method });
      });
    },
  });
}

beforeAll(async () => {
  capture = await startHttpServer(captureApp(), { port: 0, host: '127.0.0.1', logger: quiet });
  f = await startGateway('gw_replay', {
    upstreamUrls: { capture: capture.url },
    routes: [
      ...TEST_ROUTES,
      {
        door: 'store',
        prefix: '/api/store/capture',
        upstream: 'capture',
        audience: 'shopper',
        auth: 'public',
      },
    ],
  });
  acme = await f.provision('acme');
});
afterAll(async () => {
  await f.close();
  await capture.close();
});

async function capturedFrom(path: string): Promise<string> {
  captured = undefined;
  const res = await f.get('acme.fleet.test', path);
  expect(res.status).toBe(200);
  expect(res.json()).toMatchObject({ tenantId: acme.id, method: 'GET' });
  if (!captured) throw new Error('the upstream saw no context header');
  return captured;
}

const codeOf = async (res: Response) => ((await res.json()) as { code: string }).code;

test('the gateway signs for the upstream, method and path it forwards to: normal calls work', async () => {
  await capturedFrom('/api/store/capture/a?page=2');
  await capturedFrom('/api/store/capture/b');
});

test('a captured header replayed to another service is refused with 401', async () => {
  const header = await capturedFrom('/api/store/capture/a');
  // The tenant registry answers a signed service call for any host; with this header it must not.
  const res = await fetch(`${f.registry.url}/internal/hosts/acme.fleet.test`, {
    headers: { [CONTEXT_HEADER]: header },
  });
  expect(res.status).toBe(401);
  expect(await codeOf(res)).toBe('internal_context_wrong_target');
});

test('a captured header replayed to another path or method of the same service is refused with 401', async () => {
  const header = await capturedFrom('/api/store/capture/a');
  const otherPath = await fetch(`${capture.url}/api/store/capture/b`, {
    headers: { [CONTEXT_HEADER]: header },
  });
  expect(otherPath.status).toBe(401);
  expect(await codeOf(otherPath)).toBe('internal_context_wrong_target');
  const otherMethod = await fetch(`${capture.url}/api/store/capture/a`, {
    method: 'POST',
    headers: { [CONTEXT_HEADER]: header, 'content-type': 'text/plain' },
    body: 'x',
  });
  expect(otherMethod.status).toBe(401);
  expect(await codeOf(otherMethod)).toBe('internal_context_wrong_target');
});
