import { Pool, type PoolClient, type QueryResult } from 'pg';
import type { Logger } from '@fleet/logger';
import { backoffDelay, sleep } from './backoff';
import type { Broker } from './broker-types';
import type { EventEnvelope } from './envelope';
import { listenForOutbox } from './outbox-listener';
import { trackOutbox } from './outbox-metrics';
import { serviceOfLogger } from './service-name';

export interface OutboxRelayOptions {
  /** URL of the relay role: reads and marks outbox rows of every tenant, nothing else. */
  relayUrl: string;
  broker: Pick<Broker, 'publishMany'>;
  logger: Logger;
  /** The service whose outbox this is, on its metrics (default: the logger's `service`). */
  service?: string;
  batchSize?: number;
  /** Fallback polling when a notification is missed. Default 500 ms. */
  pollMs?: number;
  /** Published rows older than this are purged. Default 24 h. */
  retentionMs?: number;
  /** How often the purge runs. Default 5 min. */
  purgeEveryMs?: number;
  /** Backoff after a failed cycle. Default 200 ms doubling to 10 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface OutboxRelay {
  /** Runs cycles until a batch comes back short (nothing else pending); returns rows published. */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

interface OutboxRow {
  seq: string;
  envelope: EventEnvelope;
}

interface CycleResult {
  selected: number;
  published: number;
  error?: Error;
}

/**
 * `BEGIN` and the batch in one simple-protocol write (one round trip instead of two); the batch
 * size is a trusted integer, inlined because the simple protocol takes no parameters.
 */
const beginAndSelectBatch = (batchSize: number): string => `BEGIN;
  SELECT seq, envelope FROM outbox
   WHERE published_at IS NULL
   ORDER BY seq
   LIMIT ${Math.trunc(batchSize)}
   FOR UPDATE SKIP LOCKED`;
/**
 * Marking and `COMMIT` in one write. `published_at IS NULL` lets the update use the partial index
 * on seq. The seqs came from the database as bigint text; they are checked to be digits only.
 */
const markPublishedAndCommit = (seqs: readonly string[]): string => {
  if (!seqs.every((seq) => /^[0-9]+$/.test(seq))) throw new Error('outbox seq is not an integer');
  return `UPDATE outbox SET published_at = now() WHERE seq = ANY('{${seqs.join(',')}}'::bigint[]) AND published_at IS NULL;
  COMMIT`;
};
const MARK_FAILED =
  'UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1 AND published_at IS NULL RETURNING attempts';
/** A row failing this often blocks everything behind it (order is kept): say so loudly. */
const STUCK_ATTEMPTS = 10;
const PURGE = `
  DELETE FROM outbox WHERE ctid = ANY(ARRAY(
    SELECT ctid FROM outbox WHERE published_at < now() - make_interval(secs => $1) LIMIT 5000))`;

/**
 * Publishes committed outbox rows, in seq order, with publisher confirms (at least once). Each
 * cycle is one transaction: lock a batch (SKIP LOCKED, so several relays never take the same row),
 * publish it, mark what was confirmed, commit. A crash between publish and commit republishes the
 * batch: consumers dedupe by event id (inbox). Woken by NOTIFY, with polling as the fallback.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { broker, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const retentionSeconds = (options.retentionMs ?? 24 * 3600_000) / 1000;
  const pool = new Pool({
    connectionString: options.relayUrl,
    max: 2,
    application_name: 'fleet-outbox-relay',
    // A relay that hangs mid-cycle must not hold its row locks forever.
    idle_in_transaction_session_timeout: 60_000,
  });
  pool.on('error', (err) => logger.warn({ err }, 'outbox relay idle connection failed'));
  const untrack = trackOutbox(options.service ?? serviceOfLogger(logger), pool);
  const shutdown = new AbortController();
  let wanted = false;
  let loop: Promise<void> | undefined;
  let failures = 0;
  let serial: Promise<unknown> = Promise.resolve();

  /** Cycles of one relay never overlap (the loop and flush share it), or order would be lost. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = serial.then(work, work);
    serial = run.catch(() => undefined);
    return run;
  }

  /** Round trips: BEGIN + select; then mark + COMMIT (or COMMIT alone), the failure mark aside. */
  async function cycle(): Promise<CycleResult> {
    const client = await pool.connect();
    try {
      const [, selected] = (await client.query(beginAndSelectBatch(batchSize))) as unknown as [
        unknown,
        QueryResult<OutboxRow>,
      ];
      const rows = selected.rows;
      const outcome = rows.length ? await broker.publishMany(rows.map((r) => r.envelope)) : { confirmed: 0 };
      const sent = rows.slice(0, outcome.confirmed).map((r) => r.seq);
      const failed = rows[outcome.confirmed];
      if (outcome.error && failed) await recordFailure(client, failed, outcome.error);
      await client.query(sent.length ? markPublishedAndCommit(sent) : 'COMMIT');
      client.release();
      return { selected: rows.length, published: sent.length, error: outcome.error };
    } catch (err) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (rollbackError) {
        client.release(rollbackError as Error); // a broken connection leaves the pool
      }
      throw err;
    }
  }

  async function recordFailure(client: PoolClient, row: OutboxRow, error: Error): Promise<void> {
    const { rows } = await client.query<{ attempts: number }>(MARK_FAILED, [row.seq, error.message]);
    const attempts = rows[0]?.attempts ?? 0;
    if (attempts >= STUCK_ATTEMPTS) {
      logger.error({ err: error, eventId: row.envelope.id, attempts }, 'outbox row keeps failing to publish');
    }
  }

  /** Cycles while batches come back full; throws (after committing progress) on a publish failure. */
  async function untilDrained(): Promise<number> {
    let published = 0;
    for (;;) {
      const result = await cycle();
      published += result.published;
      if (result.error) throw result.error;
      if (result.selected < batchSize || shutdown.signal.aborted) return published;
    }
  }

  async function drain(): Promise<void> {
    while (wanted && !shutdown.signal.aborted) {
      wanted = false;
      try {
        await exclusive(untilDrained);
        failures = 0;
      } catch (err) {
        failures += 1;
        logger.warn({ err, failures }, 'outbox relay cycle failed; backing off');
        await sleep(
          backoffDelay(failures - 1, options.backoffBaseMs ?? 200, options.backoffMaxMs ?? 10_000),
          shutdown.signal,
        );
        wanted = true;
      }
    }
  }

  function wake(): void {
    wanted = true;
    if (loop || shutdown.signal.aborted) return;
    loop = drain().finally(() => {
      loop = undefined;
      if (wanted) wake();
    });
  }

  async function purge(): Promise<void> {
    try {
      let deleted: number;
      do {
        deleted = (await pool.query(PURGE, [retentionSeconds])).rowCount ?? 0;
      } while (deleted === 5000 && !shutdown.signal.aborted);
    } catch (err) {
      logger.warn({ err }, 'outbox purge failed');
    }
  }

  const listener = listenForOutbox(options.relayUrl, logger, wake);
  const poller = setInterval(wake, options.pollMs ?? 500);
  let purging: Promise<void> | undefined;
  const purger = setInterval(
    () => {
      purging ??= purge().finally(() => (purging = undefined));
    },
    options.purgeEveryMs ?? 5 * 60_000,
  );
  wake();

  return {
    flush() {
      if (shutdown.signal.aborted) return Promise.reject(new Error('outbox relay is stopped'));
      return exclusive(untilDrained);
    },
    async stop() {
      shutdown.abort();
      clearInterval(poller);
      clearInterval(purger);
      await listener.close();
      await loop;
      await serial;
      await purging;
      untrack();
      await pool.end();
    },
  };
}
