import { Client } from 'pg';
import type { Logger } from '@fleet/logger';
import { backoffDelay, sleep } from './backoff';
import { OUTBOX_CHANNEL } from './outbox';

export interface OutboxListener {
  close(): Promise<void>;
}

/**
 * LISTENs for outbox inserts on a dedicated connection (a pooled one would lose the LISTEN) and
 * calls `onNotify` for each, and once after every (re)connect since notifications sent while
 * disconnected are lost. Reconnects with backoff; the relay's polling covers the gaps.
 */
export function listenForOutbox(url: string, logger: Logger, onNotify: () => void): OutboxListener {
  const shutdown = new AbortController();
  const stopped = new Promise<void>((resolve) =>
    shutdown.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  let failures = 0;

  async function run(): Promise<void> {
    while (!shutdown.signal.aborted) {
      if (failures > 0) await sleep(backoffDelay(failures - 1, 200, 10_000), shutdown.signal);
      if (shutdown.signal.aborted) return;
      await listenUntilLost();
    }
  }

  /** Holds one LISTEN connection until it is lost or the listener is closed. */
  async function listenUntilLost(): Promise<void> {
    const client = new Client({ connectionString: url, application_name: 'fleet-outbox-listener' });
    const lost = new Promise<void>((resolve) => client.once('end', () => resolve()));
    client.on('error', (err) => logger.warn({ err }, 'outbox listener connection error'));
    client.on('notification', () => onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      failures = 0;
      onNotify();
      await Promise.race([lost, stopped]);
      if (!shutdown.signal.aborted) logger.warn('outbox listener connection lost; reconnecting');
    } catch (err) {
      logger.warn({ err }, 'outbox listener could not listen; retrying');
    } finally {
      failures += 1;
      await client.end().catch(() => undefined);
    }
  }

  const running = run();
  return {
    async close() {
      shutdown.abort();
      await running;
    },
  };
}
