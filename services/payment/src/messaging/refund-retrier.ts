import { dueRefundChecks } from '../data-access/due-refund-checks';
import { dueRefunds } from '../data-access/due-refunds';
import type { PaymentDeps } from '../domain/payment-deps';
import { checkRefund } from '../domain/refunds/check-refund';
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
  /** Refunds pending at their provider asked about per scan. Default 20. */
  checkBatchSize?: number;
}

export interface RefundRetrier {
  /**
   * Submits every refund due now, then asks about one batch of refunds pending at their provider
   * whose check is due; resolves with how many were submitted or answered (tests and shutdown).
   */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Finishes refunds whose provider could not be reached (or whose submitter died mid-call): finds
 * due ones of every tenant through the relay role, then claims and submits each inside its tenant
 * (submit-refund.ts decides: settled, pending at the provider, failed, or retried later). The same
 * scan then polls one bounded batch of refunds pending at their provider whose webhook is late
 * (check-refund.ts: claimed under a lease, asked, applied as the webhook would be). Scans never
 * overlap within one retrier; several retriers are kept apart by the claims.
 */
export function startRefundRetrier(options: RefundRetrierOptions): RefundRetrier {
  const { deps } = options;
  const batchSize = options.batchSize ?? 20;
  const checkBatchSize = options.checkBatchSize ?? 20;
  const { relayDb, exclusive, idle } = createRelayScan({
    relayUrl: options.relayUrl,
    name: 'refund-retrier',
    logger: deps.logger,
  });
  let stopped = false;

  async function scan(): Promise<number> {
    return (await drainDue()) + (await checkDue());
  }

  /** One bounded batch: a refund still pending moves its next check later, so none repeats. */
  async function checkDue(): Promise<number> {
    let answered = 0;
    for (const refund of await dueRefundChecks(relayDb, checkBatchSize)) {
      if (stopped) break;
      try {
        if ((await checkRefund(deps, refund)) !== 'skipped') answered += 1;
      } catch (err) {
        deps.logger.warn({ err, ...refund }, 'refund check failed; its lease runs out and it is asked again');
      }
    }
    return answered;
  }

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
    void exclusive(scan).catch((err: unknown) => deps.logger.warn({ err }, 'refund retrier scan failed'));
  }, options.pollMs ?? 1000);

  return {
    drain: () => exclusive(scan),
    async stop() {
      stopped = true;
      clearInterval(poller);
      await idle();
      await relayDb.close();
    },
  };
}
