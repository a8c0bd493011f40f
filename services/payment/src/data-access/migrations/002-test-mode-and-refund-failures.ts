import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Test mode (issue 13, item 3) and refunds that end (item 11).
 *
 * - `payment_mode`: one row per tenant that ever left test mode; no row is test mode, so every
 *   store (new, seeded or older than this migration) starts in it. `version` orders the
 *   `payment.mode_changed` events other services project.
 * - `payments.test`: fixed when the payment is created (the store's mode then). Every payment
 *   made before this migration was made in test mode: no store could be live.
 * - `refunds`: `failure_reason` for the merchant; `attempts`, `next_attempt_at`, `last_error` for
 *   the bounded retries of a provider that could not be reached. Failed refunds free their amount
 *   (the reserve counts only pending and succeeded ones), so they may be made again.
 */
export const testModeMigration: Migration = {
  name: '002_test_mode_and_refund_failures',
  async up(knex) {
    await createTenantTable(
      knex,
      'payment_mode',
      (t) => {
        t.boolean('live').notNullable().defaultTo(false);
        t.integer('version').notNullable().defaultTo(0);
        t.timestamp('live_since', { useTz: true });
        t.text('changed_by');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: [] },
    );

    await knex.raw('ALTER TABLE payments ADD COLUMN test boolean NOT NULL DEFAULT true');
    await knex.raw('ALTER TABLE payments ALTER COLUMN test DROP DEFAULT');

    await knex.schema.alterTable('refunds', (t) => {
      t.text('failure_reason');
      t.integer('attempts').notNullable().defaultTo(0);
      t.timestamp('next_attempt_at', { useTz: true });
      t.text('last_error');
    });
    // The retrier's cross-tenant scan (relay role), like the webhook receipts' due index.
    await knex.raw(
      "CREATE INDEX refunds_retry_due ON refunds (next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL",
    );
  },
};
