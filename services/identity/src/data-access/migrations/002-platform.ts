import type { Migration } from '@fleet/db';

/**
 * Platform tables, deliberately without row-level security:
 * - `platform_admins` belong to no tenant (they run the whole fleet from the console), so a tenant
 *   predicate would hide them from every request. They are reachable only through the console's
 *   auth endpoints of this service.
 * - `signing_keys` sign the tokens of every tenant and are published in one platform-wide JWKS.
 *   Private keys are stored encrypted (AES-256-GCM); only the public half ever leaves the service.
 */
export const platformMigration: Migration = {
  name: '002_platform',
  async up(knex) {
    await knex.schema.createTable('platform_admins', (t) => {
      t.text('id').primary();
      t.text('email').notNullable().unique();
      t.text('name').notNullable();
      t.text('password_hash').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });

    await knex.schema.createTable('signing_keys', (t) => {
      t.text('kid').primary();
      t.text('private_jwk_encrypted').notNullable();
      t.jsonb('public_jwk').notNullable();
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('retired_at', { useTz: true });
    });
    await knex.raw(
      'CREATE INDEX signing_keys_active_idx ON signing_keys (created_at DESC) WHERE retired_at IS NULL',
    );
  },
};
