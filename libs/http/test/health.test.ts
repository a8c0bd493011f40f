import { PROBLEM_CONTENT_TYPE } from '@fleet/errors';
import { startTestServer } from './support/test-server';

const never = (): Promise<void> => new Promise(() => undefined);

describe('/healthz and /readyz', () => {
  it('/healthz answers 200 ok', async () => {
    const server = await startTestServer();
    const res = await server.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    await server.close();
  });

  it('/readyz answers 200 with every check ok', async () => {
    const server = await startTestServer({
      readiness: { postgres: async () => undefined, redis: () => 'PONG' },
    });
    const res = await server.get('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
    await server.close();
  });

  it('/readyz answers 503 naming a check that throws and one that hangs past the timeout', async () => {
    const server = await startTestServer({
      readinessTimeoutMs: 100,
      readiness: {
        postgres: async () => undefined,
        redis: () => {
          throw new Error('ECONNREFUSED redis://secret@host');
        },
        rabbitmq: never,
      },
    });
    const startedAt = Date.now();
    const res = await server.get('/readyz');
    expect(Date.now() - startedAt).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const text = await res.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toMatchObject({
      status: 503,
      code: 'not_ready',
      detail: expect.stringMatching(/redis, rabbitmq/),
      checks: { postgres: 'ok', redis: 'failed', rabbitmq: 'timeout' },
    });
    expect(server.logs.find((l) => l.msg === 'readiness checks failed')).toMatchObject({
      level: 'warn',
      errors: { redis: 'ECONNREFUSED redis://secret@host' },
    });
    await server.close();
  });
});
