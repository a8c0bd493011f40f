import type { Migration } from '@fleet/db';

/**
 * `retrying`: the current step failed for now and waits out its retry delay (until `deadline_at`).
 * It used to be read back from the last history entry's event; a column says it without parsing
 * history. Backfilled from that entry, so sagas in flight across the deploy keep their meaning.
 */
export const sagaRetryingMigration: Migration = {
  name: '005_saga_retrying',
  async up(knex) {
    await knex.raw(`ALTER TABLE saga_state ADD COLUMN retrying boolean NOT NULL DEFAULT false`);
    await knex.raw(
      `UPDATE saga_state SET retrying = true
        WHERE status IN ('running', 'compensating') AND history -> -1 ->> 'event' = 'retry'`,
    );
  },
  async down(knex) {
    await knex.raw('ALTER TABLE saga_state DROP COLUMN retrying');
  },
};
