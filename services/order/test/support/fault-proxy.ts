import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTEXT_HEADER } from '@fleet/tenancy';

/**
 * drop-before: the connection dies before the service sees the request (service down);
 * drop-after: the service handles the request, then the connection dies before the answer;
 * status: answer this status without asking the service; delay: wait, then pass through.
 */
export type FaultMode = 'drop-before' | 'drop-after' | 'status' | 'delay';

export interface Fault {
  /** Only requests made for this tenant (read from the signed context). */
  tenantId?: string;
  method?: string;
  path: RegExp;
  mode: FaultMode;
  /** How many matching requests it hits (then it is spent). Default: all. */
  times?: number;
  status?: number;
  delayMs?: number;
}

export interface ForwardedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** Requests that reached the service, `METHOD path` in order. */
  forwarded: string[];
  /** The same, whole (headers and body): a test can replay one byte for byte. */
  requests: ForwardedRequest[];
  inject(fault: Fault): void;
  clear(): void;
  close(): Promise<void>;
}

/** The tenant of a request, from the (signed) context header's payload. */
function tenantOf(req: IncomingMessage): string | undefined {
  const header = req.headers[CONTEXT_HEADER];
  if (typeof header !== 'string') return undefined;
  try {
    const payload = JSON.parse(Buffer.from(header.split('.')[0] ?? '', 'base64url').toString('utf8')) as {
      ctx?: { tenantId?: string };
    };
    return payload.ctx?.tenantId;
  } catch {
    return undefined;
  }
}

/** An HTTP proxy in front of a real service (inventory, payment) that can fail on purpose. */
export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  let faults: Array<Fault & { left: number }> = [];
  const forwarded: string[] = [];
  const requests: ForwardedRequest[] = [];

  function take(req: IncomingMessage): Fault | undefined {
    const path = req.url ?? '/';
    const tenantId = tenantOf(req);
    const fault = faults.find(
      (f) =>
        f.left > 0 &&
        f.path.test(path) &&
        (!f.method || f.method === req.method) &&
        (!f.tenantId || f.tenantId === tenantId),
    );
    if (fault) fault.left -= 1;
    return fault;
  }

  async function forward(req: IncomingMessage, body: Buffer): Promise<Response> {
    forwarded.push(`${req.method} ${req.url}`);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
        headers[name] = value;
      }
    }
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body });
    return fetch(new URL(req.url ?? '/', targetUrl), {
      method: req.method,
      headers,
      body: body.length && req.method !== 'GET' ? body : undefined,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const fault = take(req);
    if (fault?.mode === 'drop-before') return void req.socket.destroy();
    if (fault?.mode === 'status') {
      res.writeHead(fault.status ?? 503, { 'content-type': 'application/problem+json' });
      return void res.end(
        JSON.stringify({ status: fault.status ?? 503, code: 'injected', detail: 'injected' }),
      );
    }
    if (fault?.mode === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    const answer = await forward(req, Buffer.concat(chunks));
    const text = await answer.text();
    if (fault?.mode === 'drop-after') return void req.socket.destroy();
    res.writeHead(answer.status, {
      'content-type': answer.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    requests,
    inject: (fault) => faults.push({ ...fault, left: fault.times ?? Number.POSITIVE_INFINITY }),
    clear: () => void (faults = []),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
