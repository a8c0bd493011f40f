import net, { type AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a shared server (RabbitMQ, Redis) that a test can cut (abrupt network
 * failure: the server looks down to whoever connects through the proxy, and only to them) and
 * restore. The shared server itself is never stopped: other test files use it.
 */
export interface TcpProxy {
  url: string;
  /** Destroys every proxied socket and stops accepting: the broker sees a dead network. */
  cut(): Promise<void>;
  /** Accepts connections again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_PORTS: Record<string, number> = { 'amqp:': 5672, 'redis:': 6379 };

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;

  function track(socket: net.Socket): void {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  async function listen(): Promise<void> {
    const next = net.createServer((client) => {
      const upstream = net.connect(
        Number(target.port || DEFAULT_PORTS[target.protocol] || 0),
        target.hostname,
      );
      track(client);
      track(upstream);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    port = (next.address() as AddressInfo).port;
    server = next;
  }

  async function cut(): Promise<void> {
    const current = server;
    server = undefined;
    const closed = current
      ? new Promise<void>((resolve) => current.close(() => resolve()))
      : Promise.resolve();
    for (const socket of sockets) socket.destroy();
    await closed;
  }

  await listen();
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return { url: url.toString(), cut, restore: listen, close: cut };
}
