import { createServer, type Server } from 'node:net';

/**
 * `count` TCP ports the kernel reports free on 127.0.0.1, for processes that must be told their
 * port up front (so two test runs on one machine never fight over fixed ports). All are held
 * open together, then released: the ports are distinct, and the window before use is short.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      servers.push(server);
    }
    return servers.map((s) => {
      const address = s.address();
      if (!address || typeof address === 'string') throw new Error('no TCP address');
      return address.port;
    });
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}
