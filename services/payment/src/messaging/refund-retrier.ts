import { dueRefunds } from '../data-access/due-refunds';
import type { PaymentDeps } from '../domain/payment-deps';
import { retryRefund } from '../domain/refunds/retry-refund';
import { createRelayScan } from './relay-scan';

export interface RefundRetrierOptions {
  deps: PaymentDeps;
  /** RELAY_DATABASE_URL: the role that may read `refunds` across tenants. */
  relayUrl: string;
  /** How often due refunds are looked for. Default 1000 ms. */
  pollMs?: number;
  /** Refunds taken per scan. Default 20. */
  batchSize?: number;
}

export interface RefundRetrier {
  /** Submits every refund due now; resolves with how many were submitted (tests and shutdown). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Finishes refunds whose provider could not be reached (or whose submitter died mid-call): finds
 * due ones of every tenant through the relay role, then claims and submits each inside its tenant
 * (submit-refund.ts decides: settled, pending at the provider, failed, or retried later). Scans
 * never overlap within one retrier; several retriers are kept apart by the claim.
 */
export function startRefundRetrier(options: RefundRetrierOptions): RefundRetrier {
  const { deps } = options;
  const batchSize = options.batchSize ?? 20;
  const { relayDb, exclusive, idle } = createRelayScan({
    relayUrl: options.relayUrl,
    name: 'refund-retrier',
    logger: deps.logger,
  });
  let stopped = false;

  async function drainDue(): Promise<number> {
    let submitted = 0;
    for (;;) {
      const due = await dueRefunds(relayDb, batchSize);
      for (const refund of due) {
        if (stopped) return submitted;
        try {
          if ((await retryRefund(deps, refund)) === 'submitted') submitted += 1;
        } catch (err) {
          deps.logger.warn({ err, ...refund }, 'refund retry failed; the next scan tries again');
        }
      }
      if (due.length < batchSize) return submitted;
    }
  }

  const poller = setInterval(() => {
    void exclusive(drainDue).catch((err: unknown) => deps.logger.warn({ err }, 'refund retrier scan failed'));
  }, options.pollMs ?? 1000);

  return {
    drain: () => exclusive(drainDue),
    async stop() {
      stopped = true;
      clearInterval(poller);
      await idle();
      await relayDb.close();
    },
  };
}
