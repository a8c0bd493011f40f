import { createTenantTable, type Migration } from '@fleet/db';

/**
 * One-time tokens of password resets and e-mail verifications, for customers and staff. Only a
 * token's sha256 is stored; a token works once (`used_at`) until `expires_at`. Accounts record
 * when their address was verified.
 */
export const accountTokensMigration: Migration = {
  name: '005_account_tokens',
  async up(knex) {
    await createTenantTable(
      knex,
      'account_tokens',
      (t) => {
        t.text('id').notNullable();
        t.text('purpose').notNullable();
        t.text('subject_kind').notNullable();
        t.text('subject_id').notNullable();
        t.text('token_hash').notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.timestamp('used_at', { useTz: true }).nullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'token_hash']);
        t.index(['tenant_id', 'subject_kind', 'subject_id', 'purpose']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE account_tokens
      ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('password_reset', 'email_verification')),
      ADD CONSTRAINT account_tokens_subject_check CHECK (subject_kind IN ('customer', 'staff'))`);
    for (const table of ['customers', 'staff']) {
      await knex.schema.alterTable(table, (t) =>
        t.timestamp('email_verified_at', { useTz: true }).nullable(),
      );
    }
  },
};
