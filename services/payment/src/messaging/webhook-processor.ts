import { createDueReceiptScanner } from '../data-access/due-receipts';
import type { ReceiptKey, RetryPolicy } from '../data-access/webhook-receipt.repository';
import type { PaymentDeps } from '../domain/payment-deps';
import { processReceipt } from '../domain/webhooks/receipts';
import { createRelayScan } from './relay-scan';

export interface WebhookProcessorOptions {
  deps: Pick<PaymentDeps, 'db' | 'logger'>;
  /** RELAY_DATABASE_URL: the role that may read `webhook_receipts` across tenants. */
  relayUrl: string;
  /** Polling, for receipts stored by other instances and for retries. Default 1000 ms. */
  pollMs?: number;
  /** Receipts taken per scan. Default 50. */
  batchSize?: number;
  /** Receipts this instance just stored that are processed at once, at most this many together. Default 4. */
  concurrency?: number;
  /** Retries of receipts that cannot be applied yet. Default 1 s doubling to 5 min, 20 attempts. */
  retry?: Partial<RetryPolicy>;
  /** Finished receipts are kept this long (duplicates within it are recognised). Default 30 days. */
  retentionMs?: number;
  /** How often old receipts are purged. Default 1 h. */
  purgeEveryMs?: number;
}

export interface WebhookProcessor {
  /**
   * Processes soon: with the key of a receipt this instance just stored, that receipt at once
   * (no scan); without one, whatever a scan finds due.
   */
  wake(key?: ReceiptKey): void;
  /** Processes every receipt due now; resolves with how many it handled (tests and shutdown). */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, maxMs: 5 * 60_000, maxAttempts: 20 };

/**
 * Applies stored webhook receipts asynchronously: finds due receipts of every tenant through the
 * relay role, then handles each in its own tenant transaction (see `processReceipt`, domain/webhooks/receipts.ts). A receipt
 * this instance stores is handed over by key and processed at once, a few concurrently, without
 * waiting for a scan or for the receipts before it; the scans (polling) find the rest: retries
 * and receipts of other instances. Several processors may run: SKIP LOCKED keeps them (and the
 * direct path and the scans of one processor) off each other's receipts.
 */
export function startWebhookProcessor(options: WebhookProcessorOptions): WebhookProcessor {
  const { deps } = options;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const batchSize = options.batchSize ?? 50;
  // Scans never overlap within one processor (the loop and drain share one chain).
  const { relayDb, exclusive, idle } = createRelayScan({
    relayUrl: options.relayUrl,
    name: 'webhook-processor',
    logger: deps.logger,
  });
  const scanner = createDueReceiptScanner(relayDb);
  let stopped = false;
  let wanted = false;

  async function drainDue(): Promise<number> {
    let handled = 0;
    for (;;) {
      const due = await scanner.due(batchSize);
      for (const key of due) {
        if ((await processReceipt(deps, key, policy)) !== 'skipped') handled += 1;
      }
      if (due.length < batchSize || stopped) return handled;
    }
  }

  const direct: ReceiptKey[] = [];
  const running = new Set<Promise<void>>();
  const concurrency = options.concurrency ?? 4;

  /** Runs handed-over receipts, up to `concurrency` at once; a failure is left to the scans. */
  function runDirect(): void {
    while (running.size < concurrency && direct.length > 0) {
      const key = direct.shift() as ReceiptKey;
      const work: Promise<void> = processReceipt(deps, key, policy)
        .then(() => undefined)
        .catch((err: unknown) => deps.logger.warn({ err, ...key }, 'webhook receipt left to the next scan'))
        .finally(() => {
          running.delete(work);
          runDirect();
        });
      running.add(work);
    }
  }

  /** Resolves once no handed-over receipt is queued or running. */
  async function directIdle(): Promise<void> {
    while (running.size > 0) await Promise.all([...running]);
  }

  function wake(key?: ReceiptKey): void {
    if (stopped) return;
    if (key) {
      direct.push(key);
      return runDirect();
    }
    if (wanted) return;
    wanted = true;
    void exclusive(async () => {
      wanted = false;
      await drainDue();
    }).catch((err: unknown) => deps.logger.warn({ err }, 'webhook processor cycle failed'));
  }

  async function purge(): Promise<void> {
    try {
      await exclusive(() => scanner.purge(options.retentionMs ?? 30 * 24 * 3600_000));
    } catch (err) {
      deps.logger.warn({ err }, 'webhook receipt purge failed');
    }
  }

  const poller = setInterval(() => wake(), options.pollMs ?? 1000);
  const purger = setInterval(() => void purge(), options.purgeEveryMs ?? 3600_000);
  wake();

  return {
    wake,
    async drain() {
      await directIdle();
      return exclusive(drainDue);
    },
    async stop() {
      stopped = true;
      clearInterval(poller);
      clearInterval(purger);
      direct.length = 0;
      await directIdle();
      await idle();
      await relayDb.close();
    },
  };
}
