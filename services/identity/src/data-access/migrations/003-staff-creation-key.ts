import type { Migration } from '@fleet/db';

/**
 * A staff member created by a service (the store owner at sign-up) keeps the sha256 of the
 * caller's creation key, so a retry of that same creation gets the account back without a
 * password check: creating an account is never a way to test a password.
 */
export const staffCreationKeyMigration: Migration = {
  name: '003_staff_creation_key',
  async up(knex) {
    await knex.schema.alterTable('staff', (t) => {
      t.text('creation_key_hash');
    });
  },
};
