import { currentContext } from '@fleet/context';
import { getRequestContext, setRequestContext } from '@fleet/http';
import { startTestServer, type TestServer } from './support/test-server';

describe('request context and logging', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      routes: (app) => {
        // Stands in for the tenant-context middleware other workspaces provide.
        app.use((req, _res, next) => {
          const tenantId = req.header('x-test-tenant');
          if (!tenantId) return next();
          setRequestContext(req, { ...getRequestContext(req), tenantId }, next);
        });
        app.get('/whoami', async (req, res) => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          res.json({ als: currentContext(), locals: getRequestContext(req) });
        });
        app.post('/orders', (req, res) => {
          server.logger.info({ body: req.body as unknown }, 'creating order');
          res.status(201).json({ als: currentContext() });
        });
      },
    });
  });
  afterAll(() => server.close());

  it('runs the handler inside the request context, across awaits', async () => {
    const res = await server.get('/whoami', { headers: { 'x-request-id': 'ctx-1' } });
    expect(await res.json()).toEqual({ als: { requestId: 'ctx-1' }, locals: { requestId: 'ctx-1' } });
  });

  it('lets later middleware replace the context', async () => {
    const res = await server.get('/whoami', {
      headers: { 'x-request-id': 'ctx-2', 'x-test-tenant': 'ten_1' },
    });
    const expected = { requestId: 'ctx-2', tenantId: 'ten_1' };
    expect(await res.json()).toEqual({ als: expected, locals: expected });
  });

  it('keeps the context after the JSON body is parsed', async () => {
    const res = await server.post('/orders', '{"sku":"a"}', {
      'x-request-id': 'ctx-3',
      'x-test-tenant': 'ten_2',
    });
    expect(await res.json()).toEqual({ als: { requestId: 'ctx-3', tenantId: 'ten_2' } });
    expect(server.logs.find((l) => l.msg === 'creating order')).toMatchObject({
      requestId: 'ctx-3',
      tenantId: 'ten_2',
    });
  });

  it('writes an access log line carrying the request id and tenant', async () => {
    await server.get('/whoami', { headers: { 'x-request-id': 'ctx-4', 'x-test-tenant': 'ten_3' } });
    const line = server.logs.find((l) => l.msg === 'request finished' && l.requestId === 'ctx-4');
    expect(line).toMatchObject({
      level: 'info',
      tenantId: 'ten_3',
      method: 'GET',
      route: '/whoami',
      statusCode: 200,
      service: 'http-test',
    });
  });
});
