import { createServer, type Server } from 'node:net';

/**
 * Where test platforms' ports come from: below Linux's ephemeral range (32768-60999), which the
 * kernel hands out for port-0 listeners and for the local end of every outgoing connection. A port
 * picked there could be taken by a database connection or a stand-in before the platform binds it
 * (seen: a host failing with EADDRINUSE). Each Jest worker draws from a slice of its own, so two
 * test files running at once never pick the same port while one of them is still starting.
 */
const RANGE_START = 20_000;
const RANGE_END = 32_000;
const SLICES = 8;
const SLICE = Math.floor((RANGE_END - RANGE_START) / SLICES);

function sliceStart(): number {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return RANGE_START + ((Number.isInteger(worker) && worker > 0 ? worker - 1 : 0) % SLICES) * SLICE;
}

function listen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * `count` TCP ports free on 127.0.0.1, for processes that must be told their port up front (so two
 * test runs on one machine never fight over fixed ports): random ones of this worker's slice, each
 * proven free by listening on it. All are held open together, then released: the ports are
 * distinct, and the window before use is short.
 */
export async function freePorts(count: number): Promise<number[]> {
  const start = sliceStart();
  const servers: Server[] = [];
  const ports: number[] = [];
  try {
    for (let tries = 0; ports.length < count; tries++) {
      if (tries > SLICE) throw new Error(`no ${count} free ports in ${start}-${start + SLICE - 1}`);
      const port = start + Math.floor(Math.random() * SLICE);
      if (ports.includes(port)) continue;
      const server = await listen(port);
      if (!server) continue;
      servers.push(server);
      ports.push(port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}
