import { createDb, type Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';

/**
 * What the background scanners of payment (the webhook processor, the refund retrier) share: one
 * connection as the relay role, which finds work across tenants, and a chain that keeps one
 * scanner's scans from overlapping (its loop, `drain()` and `stop()` queue on it).
 */
export interface RelayScan {
  relayDb: Db;
  /** Runs `work` after everything queued before it, whatever became of that. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once everything queued so far has ended. */
  idle(): Promise<void>;
}

export function createRelayScan(options: { relayUrl: string; name: string; logger: Logger }): RelayScan {
  const relayDb = createDb({
    url: options.relayUrl,
    max: 1,
    applicationName: `payment-${options.name}`,
    onError: (err) => options.logger.warn({ err }, `${options.name} idle connection failed`),
  });
  let serial: Promise<unknown> = Promise.resolve();
  return {
    relayDb,
    exclusive(work) {
      const run = serial.then(work, work);
      serial = run.catch(() => undefined);
      return run;
    },
    async idle() {
      await serial;
    },
  };
}
