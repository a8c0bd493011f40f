import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { currentContext } from '@fleet/context';
import { toProblem } from '@fleet/errors';
import { CONTEXT_HEADER, contextTarget, requestCtx, requireSignedContext, signContext } from '../src';

const key = 's'.repeat(32);
let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(requireSignedContext({ key, audience: 'catalog' }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/who', (_req, res) => void res.json({ ctx: requestCtx(res), als: currentContext() }));
  app.all('/other', (_req, res) => void res.json({ reached: true }));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const problem = toProblem(err);
    res.status(problem.status).json(problem);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

const ctx = { requestId: 'r1', tenantId: 'ten_0000000000000000000000000a' };

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { code: string }).code;
}

test('a request signed by the gateway reaches the handler with its context in both places', async () => {
  const header = signContext(ctx, key, contextTarget('catalog', 'GET', '/who'));
  const res = await fetch(`${url}/who?any=query`, { headers: { [CONTEXT_HEADER]: header } });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ctx, als: ctx });
});

test('unsigned and tampered requests are refused with 401', async () => {
  const unsigned = await fetch(`${url}/who`);
  expect(unsigned.status).toBe(401);
  expect(await codeOf(unsigned)).toBe('internal_context_missing');
  const tampered = signContext({ requestId: 'r' }, 'w'.repeat(32), contextTarget('catalog', 'GET', '/who'));
  const res = await fetch(`${url}/who`, { headers: { [CONTEXT_HEADER]: tampered } });
  expect(res.status).toBe(401);
  expect(await codeOf(res)).toBe('internal_context_bad_signature');
});

test('a header replayed to another service, path or method is refused with 401', async () => {
  const forOrder = signContext(ctx, key, contextTarget('order', 'GET', '/who'));
  const toOtherService = await fetch(`${url}/who`, { headers: { [CONTEXT_HEADER]: forOrder } });
  expect(toOtherService.status).toBe(401);
  expect(await codeOf(toOtherService)).toBe('internal_context_wrong_target');

  const forWho = signContext(ctx, key, contextTarget('catalog', 'GET', '/who'));
  const toOtherPath = await fetch(`${url}/other`, { headers: { [CONTEXT_HEADER]: forWho } });
  expect(toOtherPath.status).toBe(401);
  expect(await codeOf(toOtherPath)).toBe('internal_context_wrong_target');

  const forGet = signContext(ctx, key, contextTarget('catalog', 'GET', '/other'));
  const toOtherMethod = await fetch(`${url}/other`, {
    method: 'POST',
    headers: { [CONTEXT_HEADER]: forGet },
  });
  expect(toOtherMethod.status).toBe(401);
  expect(await codeOf(toOtherMethod)).toBe('internal_context_wrong_target');
  const sameMethod = await fetch(`${url}/other`, { headers: { [CONTEXT_HEADER]: forGet } });
  expect(sameMethod.status).toBe(200);
});

test('health probes need no signature', async () => {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
});
