import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Customers, staff and refresh tokens belong to one tenant each: tenant-owned tables under forced
 * row-level security, `tenant_id` first in every key, emails unique per tenant (stored lower-case).
 * A refresh token's `tenant_id` is its store's tenant, or the platform scope for platform admins
 * (see domain/realms.ts), so a token is simply not found under any other tenant's context.
 */
export const accountsMigration: Migration = {
  name: '001_accounts',
  async up(knex) {
    await createTenantTable(
      knex,
      'customers',
      (t) => {
        t.text('id').notNullable();
        t.text('email').notNullable();
        t.text('name').notNullable();
        t.text('password_hash').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'email']);
      },
      { primaryKey: ['id'] },
    );

    await createTenantTable(
      knex,
      'staff',
      (t) => {
        t.text('id').notNullable();
        t.text('email').notNullable();
        t.text('name').notNullable();
        t.text('role').notNullable();
        t.text('password_hash').notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'email']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(
      "ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('owner', 'admin', 'staff'))",
    );

    await createTenantTable(
      knex,
      'refresh_tokens',
      (t) => {
        t.text('id').notNullable();
        t.text('token_hash').notNullable(); // sha256 of the opaque token; the token itself is never stored
        t.text('family_id').notNullable(); // every rotation of one login shares it
        t.text('subject_kind').notNullable();
        t.text('subject_id').notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('revoked_at', { useTz: true });
        t.unique(['tenant_id', 'token_hash']);
        t.index(['tenant_id', 'family_id']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(
      `ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_kind_check
         CHECK (subject_kind IN ('customer', 'staff', 'platform_admin'))`,
    );
  },
};
