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

export type InboxEffect<T = unknown> = (
  tx: Queryable,
  envelope: EventEnvelope<T>,
  ctx: TenantCtx,
) => Promise<void>;

export type InboxResult = 'applied' | 'duplicate';

// A concurrent duplicate blocks on the primary key until the first transaction ends: then it
// conflicts (first committed) or inserts (first rolled back). Never both applied.
const CLAIM = prepared(
  'fleet_inbox_claim',
  'INSERT INTO inbox (tenant_id, consumer, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1 AS claimed',
);

/**
 * Runs `effect` once per (consumer, event): records the event in the inbox and applies the effect
 * in ONE tenant transaction. A duplicate is skipped; a failing effect rolls the inbox row back
 * too, so a retry applies it.
 */
export async function handleOnce<T>(
  db: Db,
  consumer: string,
  envelope: EventEnvelope<T>,
  effect: InboxEffect<T>,
): Promise<InboxResult> {
  const ctx = contextFromEnvelope(envelope);
  return db.withTenant(ctx, async (tx) => {
    const claimed = await tx.maybeOne(CLAIM, [envelope.tenantId, consumer, envelope.id]);
    if (!claimed) return 'duplicate';
    await effect(tx, envelope, ctx);
    return 'applied';
  });
}

/** A broker handler that applies `effect` exactly once, in the event's tenant context. */
export function inboxConsumer(db: Db, consumer: string, effect: InboxEffect): EventHandler {
  return async (envelope) => {
    await runWithContext(contextFromEnvelope(envelope), () => handleOnce(db, consumer, envelope, effect));
  };
}
