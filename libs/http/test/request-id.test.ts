import type { TestServer } from './support/test-server';
import { startTestServer } from './support/test-server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      routes: (app) => app.get('/ping', (_req, res) => void res.json({ requestId: res.locals.requestId })),
    });
  });
  afterAll(() => server.close());

  it('generates a UUID when none is sent and echoes it', async () => {
    const res = await server.get('/ping');
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(await res.json()).toEqual({ requestId: id });
  });

  it('honours a valid inbound id', async () => {
    const res = await server.get('/ping', { headers: { 'x-request-id': 'edge-1.abc_DEF' } });
    expect(res.headers.get('x-request-id')).toBe('edge-1.abc_DEF');
  });

  it.each([
    ['forbidden characters', 'bad id<script>'],
    ['more than 128 characters', 'a'.repeat(129)],
  ])('replaces an inbound id with %s', async (_why, inbound) => {
    const res = await server.get('/ping', { headers: { 'x-request-id': inbound } });
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });

  it('accepts exactly 128 characters', async () => {
    const id = 'a'.repeat(128);
    const res = await server.get('/ping', { headers: { 'x-request-id': id } });
    expect(res.headers.get('x-request-id')).toBe(id);
  });

  it('is echoed on error responses too', async () => {
    const res = await server.get('/nowhere', { headers: { 'x-request-id': 'lost-1' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('lost-1');
  });

  it('turns off x-powered-by and sets helmet headers', async () => {
    const res = await server.get('/ping');
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBeNull();
  });
});
