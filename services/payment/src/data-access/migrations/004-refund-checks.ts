import type { Migration } from '@fleet/db';

/**
 * Refunds pending at their provider are asked about when their webhook is late (the refund poll,
 * domain/refunds/check-refund.ts).
 *
 * - `next_check_at`: when the provider is next asked; set when the provider answers `pending`,
 *   moved forward by each check (and by a check's lease), cleared when the refund ends.
 * - `checks`: how often it was asked, for the backoff.
 *
 * Refunds already pending at their provider are due at once: their webhook may have been lost
 * before this existed. The scan's index leads with tenant_id like every index here; it is partial
 * (only refunds waiting on a provider), so the cross-tenant scan reads a small index.
 */
export const refundChecksMigration: Migration = {
  name: '004_refund_checks',
  async up(knex) {
    await knex.schema.alterTable('refunds', (t) => {
      t.timestamp('next_check_at', { useTz: true });
      t.integer('checks').notNullable().defaultTo(0);
    });
    await knex.raw(
      "UPDATE refunds SET next_check_at = now() WHERE status = 'pending' AND provider_refund_id IS NOT NULL",
    );
    await knex.raw(
      "CREATE INDEX refunds_check_due ON refunds (tenant_id, next_check_at) WHERE status = 'pending' AND next_check_at IS NOT NULL",
    );
  },
};
