import type { Migration } from '@fleet/db';

/**
 * Which providers exist is code: `PAYMENT_PROVIDERS` (`@fleet/payment-providers`) is the one
 * list, and every name is checked against it where it enters (the settings form, the webhook
 * path). A `CHECK (provider IN (…))` was a second list every new provider had to extend in a
 * migration of its own; the table now only refuses what could never be a provider's name.
 */
export const providerNamesInCodeMigration: Migration = {
  name: '003_provider_names_in_code',
  async up(knex) {
    await knex.raw('ALTER TABLE payments DROP CONSTRAINT payments_provider_check');
    await knex.raw(`ALTER TABLE payments ADD CONSTRAINT payments_provider_name_check
      CHECK (provider ~ '^[a-z][a-z0-9_]{0,31}$')`);
  },
};
