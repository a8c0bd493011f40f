import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubBehaviour = 'ok' | 'missing' | 'fail' | 'hang' | 'reset';

/**
 * A third-party-like upstream at its network boundary, whose behaviour the test switches: answer
 * 200, 404 or 500, never answer, or cut the connection. It counts every request that reached it.
 */
export interface StubUpstream {
  url: string;
  hits: number;
  behaviour: StubBehaviour;
  /** Added before answering (ok, missing and fail). */
  delayMs: number;
  /** When set, decides per hit (1-based) instead of `behaviour`. */
  plan?: (hit: number, req: IncomingMessage) => StubBehaviour;
  close(): Promise<void>;
}

export async function startStubUpstream(): Promise<StubUpstream> {
  const hanging = new Set<ServerResponse>();
  const stub: StubUpstream = {
    url: '',
    hits: 0,
    behaviour: 'ok',
    delayMs: 0,
    close: () =>
      new Promise<void>((resolve) => {
        hanging.forEach((res) => res.destroy());
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server: Server = createServer((req, res) => {
    const hit = ++stub.hits;
    const behaviour = stub.plan ? stub.plan(hit, req) : stub.behaviour;
    req.resume();
    if (behaviour === 'reset') return void req.socket.destroy();
    if (behaviour === 'hang') return void hanging.add(res);
    const answer = () => {
      const status = behaviour === 'fail' ? 500 : behaviour === 'missing' ? 404 : 200;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ hit, status }));
    };
    if (stub.delayMs > 0) setTimeout(answer, stub.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
