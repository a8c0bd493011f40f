import { AppError, ERROR_TYPES, PROBLEM_CONTENT_TYPE, type ErrorType } from '@fleet/errors';
import type { TestServer } from './support/test-server';
import { startTestServer } from './support/test-server';

const SECRET = 'db password is hunter2';

async function expectProblem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `https://errors.fleet.dev/${code}` });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  return body;
}

describe('error handling', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      bodyLimit: '1kb',
      routes: (app) => {
        app.post('/echo', (req, res) => void res.json(req.body));
        app.get('/app-error/:type', (req) => {
          throw new AppError(req.params.type as ErrorType, `detail of ${req.params.type}`, {
            code: `${req.params.type}_code`,
          });
        });
        app.get('/items/:id', (req, res) => void res.json({ id: req.params.id }));
        app.get('/rate-limited', () => {
          throw new AppError('rate_limited', 'Slow down.', { retryAfter: 30 });
        });
        app.get('/boom-sync', () => {
          throw new Error(SECRET);
        });
        app.get('/boom-async', async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          throw new Error(SECRET);
        });
      },
    });
  });
  afterAll(() => server.close());

  it('answers malformed JSON with 400 malformed_json', async () => {
    const body = await expectProblem(await server.post('/echo', '{"a":'), 400, 'malformed_json');
    expect(body.instance).toBe('/echo');
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2048) });
    await expectProblem(await server.post('/echo', big), 413, 'payload_too_large');
  });

  it('answers a path parameter that is not percent-encoded UTF-8 with 400 malformed_path', async () => {
    for (const bad of ['%ED%A0%80', '%zz', '%E0%A4%A']) {
      const body = await expectProblem(await server.get(`/items/${bad}`), 400, 'malformed_path');
      expect(body.errors).toEqual([{ path: '(path)', message: 'must be valid percent-encoded UTF-8' }]);
    }
    expect(await (await server.get('/items/caf%C3%A9')).json()).toEqual({ id: 'café' });
  });

  it('still accepts a body within the limit', async () => {
    const res = await server.post('/echo', JSON.stringify({ a: 1 }));
    expect(await res.json()).toEqual({ a: 1 });
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const body = await expectProblem(await server.get('/no/such/route?x=1'), 404, 'route_not_found');
    expect(body.instance).toBe('/no/such/route');
  });

  it.each(Object.entries(ERROR_TYPES))('maps AppError %s to %i', async (type, status) => {
    const body = await expectProblem(await server.get(`/app-error/${type}`), status, `${type}_code`);
    expect(body).toMatchObject({ detail: `detail of ${type}`, instance: `/app-error/${type}` });
  });

  it('sets Retry-After when the error carries retryAfter', async () => {
    const res = await server.get('/rate-limited');
    await expectProblem(res, 429, 'rate_limited');
    expect(res.headers.get('retry-after')).toBe('30');
  });

  it.each(['/boom-sync', '/boom-async'])(
    'answers an unexpected throw in %s with a 500 that leaks nothing',
    async (path) => {
      const res = await server.get(path);
      const text = await res.clone().text();
      await expectProblem(res, 500, 'internal');
      expect(text).not.toContain('hunter2');
      const logged = server.logs.find((l) => l.msg === 'unhandled error' && l.path === path);
      expect(logged).toMatchObject({ level: 'error' });
      expect(logged?.err).toMatchObject({ stack: expect.stringContaining(SECRET) });
    },
  );
});
