import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from '@fleet/logger';
import { trackConnections } from './connection-tracker';
import { shutdownGracefully, type ShutdownHook } from './graceful-shutdown';

export interface StartHttpServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  logger: Logger;
  /** Run in order once in-flight requests are done: drain consumers, then close pools. */
  onShutdown?: ShutdownHook[];
  /** How long in-flight requests may take to finish before their sockets are destroyed. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** How long `/readyz` answers 503 before the server stops accepting connections. Default 0. */
  drainDelayMs?: number;
  /** Shut down gracefully on SIGTERM/SIGINT, then exit (0 when clean). Default false. */
  handleSignals?: boolean;
  /** Idle keep-alive timeout; above the load balancer's (60 s on most). Default 65 s. */
  keepAliveTimeoutMs?: number;
  /**
   * In a cluster worker, bind the port for this process alone instead of sharing the primary's
   * (the host's internal service ports; its gateway port is shared). Default false.
   */
  exclusive?: boolean;
}

/** How a service's `start(env, options)` runs: alone in its process, or inside the host. */
export type ServiceStartOptions = Pick<StartHttpServerOptions, 'handleSignals' | 'exclusive'>;

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  /** Graceful shutdown without exiting the process; idempotent. */
  close(): Promise<void>;
}

function urlOf(host: string | undefined, port: number): string {
  const shown = !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
}

function listen(server: Server, options: StartHttpServerOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: options.host, exclusive: options.exclusive ?? false }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function onSignals(logger: Logger, shutdown: () => Promise<boolean>): () => void {
  const handler = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      (clean) => process.exit(clean ? 0 : 1),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
  return () => {
    process.off('SIGTERM', handler);
    process.off('SIGINT', handler);
  };
}

/** Listens with sensible timeouts and shuts down gracefully on `close()` (or a signal). */
export async function startHttpServer(
  app: Express,
  options: StartHttpServerOptions,
): Promise<RunningHttpServer> {
  const server = createServer();
  const tracker = trackConnections(server);
  server.on('request', app);
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  server.headersTimeout = server.keepAliveTimeout + 1_000;
  const port = await listen(server, options);

  let shutdown: Promise<boolean> | undefined;
  let removeSignalHandlers = (): void => undefined;
  const shutdownOnce = (): Promise<boolean> => {
    shutdown ??= shutdownGracefully({
      app,
      server,
      tracker,
      logger: options.logger,
      hooks: options.onShutdown ?? [],
      drainDelayMs: options.drainDelayMs ?? 0,
      shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000,
    }).finally(() => removeSignalHandlers());
    return shutdown;
  };
  if (options.handleSignals) removeSignalHandlers = onSignals(options.logger, shutdownOnce);

  const url = urlOf(options.host, port);
  options.logger.info({ url }, 'http server listening');
  return { server, port, url, close: async () => void (await shutdownOnce()) };
}
