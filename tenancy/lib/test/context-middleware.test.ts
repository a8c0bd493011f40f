import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { currentContext } from '@fleet/context';
import { toProblem } from '@fleet/errors';
import { CONTEXT_HEADER, requestCtx, requireSignedContext, signContext } from '../src';

const key = 's'.repeat(32);
let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(requireSignedContext({ key }));
  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  app.get('/who', (_req, res) => void res.json({ ctx: requestCtx(res), als: currentContext() }));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const problem = toProblem(err);
    res.status(problem.status).json(problem);
  });
  server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

test('a request signed by the gateway reaches the handler with its context in both places', async () => {
  const ctx = { requestId: 'r1', tenantId: 'ten_0000000000000000000000000a' };
  const res = await fetch(`${url}/who`, { headers: { [CONTEXT_HEADER]: signContext(ctx, key) } });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ctx, als: ctx });
});

test('unsigned and tampered requests are refused with 401', async () => {
  const unsigned = await fetch(`${url}/who`);
  expect(unsigned.status).toBe(401);
  expect(((await unsigned.json()) as { code: string }).code).toBe('internal_context_missing');
  const tampered = signContext({ requestId: 'r' }, 'w'.repeat(32));
  const res = await fetch(`${url}/who`, { headers: { [CONTEXT_HEADER]: tampered } });
  expect(res.status).toBe(401);
  expect(((await res.json()) as { code: string }).code).toBe('internal_context_bad_signature');
});

test('health probes need no signature', async () => {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
});
