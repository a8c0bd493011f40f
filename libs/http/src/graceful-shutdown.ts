import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Express } from 'express';
import type { Logger } from '@fleet/logger';
import { flushTelemetry } from '@fleet/telemetry';
import { markShuttingDown } from './app-state';
import type { ConnectionTracker } from './connection-tracker';

export type ShutdownHook = () => Promise<void>;

export interface GracefulShutdownParams {
  app: Express;
  server: Server;
  tracker: ConnectionTracker;
  logger: Logger;
  hooks: ShutdownHook[];
  drainDelayMs: number;
  shutdownTimeoutMs: number;
}

function stopListening(server: Server): Promise<void> {
  // The callback fires once every connection has closed (an error only means "not listening").
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Resolves true when `promise` settles first, false when `ms` pass first. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  const abort = new AbortController();
  const timeout = delay(ms, false, { signal: abort.signal, ref: false }).catch(() => false);
  const settled = await Promise.race([promise.then(() => true), timeout]);
  abort.abort();
  return settled;
}

/** Returns true when every hook succeeded; a failing hook is logged and the next one still runs. */
async function runHooks(hooks: ShutdownHook[], logger: Logger): Promise<boolean> {
  let allOk = true;
  for (const [index, hook] of hooks.entries()) {
    try {
      await hook();
    } catch (err) {
      allOk = false;
      logger.error({ err, hook: index }, 'shutdown hook failed');
    }
  }
  return allOk;
}

/**
 * Readiness goes 503, then (after `drainDelayMs`, for load balancers to notice) the server stops
 * accepting connections, in-flight requests finish (forced after `shutdownTimeoutMs`), and the
 * hooks run in order. Resolves true when everything closed cleanly.
 */
export async function shutdownGracefully(params: GracefulShutdownParams): Promise<boolean> {
  const { logger } = params;
  markShuttingDown(params.app);
  if (params.drainDelayMs > 0) await delay(params.drainDelayMs);
  const closed = stopListening(params.server);
  params.tracker.drain();
  const drained = await within(closed, params.shutdownTimeoutMs);
  if (!drained) {
    logger.warn(
      { timeoutMs: params.shutdownTimeoutMs },
      'in-flight requests did not finish in time; closing them',
    );
    params.tracker.destroyAll();
    await closed;
  }
  const hooksOk = await runHooks(params.hooks, logger);
  await flushTelemetry().catch((err: unknown) => logger.warn({ err }, 'spans could not be sent at shutdown'));
  logger.info('http server shut down');
  return drained && hooksOk;
}
