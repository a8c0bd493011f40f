import type { Express } from 'express';
import { deferred, tryConnect } from './support/deferred';
import { startTestServer } from './support/test-server';

/** `/slow` signals `entered` when it starts and answers once `release` resolves. */
function slowRoute(events: string[]) {
  const entered = deferred();
  const release = deferred();
  const routes = (app: Express): void => {
    app.get('/slow', async (_req, res) => {
      entered.resolve();
      await release.promise;
      res.on('finish', () => events.push('response finished'));
      res.json({ done: true });
    });
  };
  return { entered, release, routes };
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new connections, then runs the hooks in order', async () => {
    const events: string[] = [];
    const slow = slowRoute(events);
    const hook = (name: string) => async () => void events.push(name);
    const server = await startTestServer(
      { routes: slow.routes },
      { onShutdown: [hook('drain consumers'), hook('close pools')] },
    );
    const inFlight = server.get('/slow');
    await slow.entered.promise;

    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    expect(await tryConnect(server.port)).toBe('ECONNREFUSED');

    slow.release.resolve();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ done: true });
    await closing;
    expect(events).toEqual(['response finished', 'drain consumers', 'close pools']);
  });

  it('answers /readyz with 503 while draining, before it stops accepting connections', async () => {
    const server = await startTestServer({}, { drainDelayMs: 300 });
    expect((await server.get('/readyz')).status).toBe(200);
    const closing = server.close();
    const res = await server.get('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'shutting_down' });
    await closing;
  });

  it('closes idle keep-alive connections at once', async () => {
    const server = await startTestServer();
    expect((await server.get('/healthz')).status).toBe(200); // leaves a pooled keep-alive socket
    const startedAt = Date.now();
    await server.close();
    expect(Date.now() - startedAt).toBeLessThan(500);
  });

  it('force-closes requests still running after the timeout, then runs the hooks', async () => {
    const events: string[] = [];
    const slow = slowRoute(events);
    const server = await startTestServer(
      { routes: slow.routes },
      { shutdownTimeoutMs: 150, onShutdown: [async () => void events.push('hook')] },
    );
    const inFlight = server.get('/slow').then(
      () => 'answered',
      () => 'cut off',
    );
    await slow.entered.promise;
    await server.close();
    expect(await inFlight).toBe('cut off');
    expect(events).toEqual(['hook']);
    expect(server.logs.some((l) => l.level === 'warn' && /did not finish in time/.test(String(l.msg)))).toBe(
      true,
    );
    slow.release.resolve();
  });

  it('keeps running the hooks after one fails, and close() is idempotent', async () => {
    const events: string[] = [];
    const server = await startTestServer(
      {},
      {
        onShutdown: [
          async () => {
            throw new Error('pool already closed');
          },
          async () => void events.push('second'),
        ],
      },
    );
    await Promise.all([server.close(), server.close()]);
    expect(events).toEqual(['second']);
    expect(server.logs.find((l) => l.msg === 'shutdown hook failed')).toMatchObject({
      level: 'error',
      hook: 0,
    });
  });
});
