import type { Migration } from '@fleet/db';

/**
 * Sign-ups under an Idempotency-Key, kept for the retry window. A platform table like `tenants`:
 * a sign-up belongs to no tenant until it has made one. Nothing in it is readable without the
 * client's key: the row id and fingerprint are HMACs of it, and the first answer (it holds the
 * owner's tokens) is sealed with AES-256-GCM under a key derived from it.
 */
export const signupRequestsMigration: Migration = {
  name: '004_signup_requests',
  async up(knex) {
    await knex.schema.createTable('signup_requests', (t) => {
      t.text('key_hash').primary();
      t.text('fingerprint').notNullable();
      t.text('locked_by');
      t.timestamp('locked_until', { useTz: true });
      t.text('sealed_answer');
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.index(['expires_at']);
    });
  },
};
