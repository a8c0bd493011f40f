import type { TenantCtx } from '@fleet/context';
import { runWithContext } from '@fleet/context';
import { createTenantTable, prepared, type Db, type Migration, type Queryable } from '@fleet/db';
import type { EventHandler } from './broker-types';
import { contextFromEnvelope, type EventEnvelope } from './envelope';

/**
 * The inbox: which events each consumer has applied. Written in the same transaction as the
 * effect, so an effect happens exactly once however often the event is delivered.
 */
export const inboxMigration: Migration = {
  name: '000_inbox',
  async up(knex) {
    await createTenantTable(
      knex,
      'inbox',
      (t) => {
        t.text('consumer').notNullable();
        t.text('event_id').notNullable();
        t.timestamp('processed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['consumer', 'event_id'] },
    );
  },
  async down(knex) {
    await knex.schema.dropTable('inbox');
  },
};

/**
 * What a consumer does with an event, in the transaction that records it in the inbox. Its
 * database writes happen exactly once. For a duplicate it may start, but its first statement
 * fails: anything it does outside the database belongs after a statement.
 */
export type InboxEffect<T = unknown> = (
  tx: Queryable,
  envelope: EventEnvelope<T>,
  ctx: TenantCtx,
) => Promise<void>;

export type InboxResult = 'applied' | 'duplicate';

// Recorded with the effect's first statement (or with COMMIT), so it costs no round trip of its
// own. A repeat fails on the primary key and takes the effect's transaction with it. A concurrent
// duplicate blocks on the key until the first transaction ends: then it fails (first committed)
// or inserts (first rolled back). Never both applied.
const RECORD = prepared(
  'fleet_inbox_record',
  'INSERT INTO inbox (tenant_id, consumer, event_id) VALUES ($1, $2, $3)',
);
const RECORDED = prepared(
  'fleet_inbox_recorded',
  'SELECT 1 AS recorded FROM inbox WHERE tenant_id = $1 AND consumer = $2 AND event_id = $3',
);

/**
 * Runs `effect` once per (consumer, event): records the event in the inbox and applies the effect
 * in ONE tenant transaction. A duplicate is skipped; a failing effect rolls the inbox row back
 * too, so a retry applies it. The inbox row is written ahead of the effect's first statement in
 * the same network write; when the transaction fails, the event counts as a duplicate if the
 * inbox already holds it (the primary key is what failed, possibly swallowed by the effect),
 * otherwise the effect's error is thrown.
 */
export async function handleOnce<T>(
  db: Db,
  consumer: string,
  envelope: EventEnvelope<T>,
  effect: InboxEffect<T>,
): Promise<InboxResult> {
  const ctx = contextFromEnvelope(envelope);
  const key = [envelope.tenantId, consumer, envelope.id];
  try {
    return await db.withTenant(ctx, async (tx): Promise<InboxResult> => {
      tx.defer(RECORD, key);
      await effect(tx, envelope, ctx);
      return 'applied';
    });
  } catch (err) {
    if (isInboxConflict(err)) return 'duplicate';
    const recorded = await db.readAsTenant(ctx, (tx) => tx.maybeOne(RECORDED, key)).catch(() => undefined);
    if (recorded) return 'duplicate';
    throw err;
  }
}

const isInboxConflict = (err: unknown): boolean => {
  const e = err as { code?: unknown; table?: unknown };
  return e?.code === '23505' && e.table === 'inbox';
};

/** A broker handler that applies `effect` exactly once, in the event's tenant context. */
export function inboxConsumer(db: Db, consumer: string, effect: InboxEffect): EventHandler {
  return async (envelope) => {
    await runWithContext(contextFromEnvelope(envelope), () => handleOnce(db, consumer, envelope, effect));
  };
}
