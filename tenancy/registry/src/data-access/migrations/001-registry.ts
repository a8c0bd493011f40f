import { createTenantTable, type Migration } from '@fleet/db';

/**
 * `tenants` and `domains` are the platform's own tables: a row of `tenants` *is* a tenant, and the
 * registry must resolve any host, so they carry no row-level security. They are reachable only
 * through this service's internal API. Store settings belong to one tenant and are tenant-owned.
 */
export const registryMigration: Migration = {
  name: '001_registry',
  async up(knex) {
    await knex.schema.createTable('tenants', (t) => {
      t.text('id').primary();
      t.text('slug').notNullable().unique();
      t.text('name').notNullable();
      t.text('status').notNullable().defaultTo('active');
      t.text('plan').notNullable().defaultTo('free');
      t.specificType('currency', 'char(3)').notNullable();
      t.specificType('country', 'char(2)').notNullable();
      t.integer('version').notNullable().defaultTo(1);
      t.text('provision_key');
      t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    });
    await knex.raw(
      "ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active', 'suspended'))",
    );
    await knex.raw('CREATE INDEX tenants_created_idx ON tenants (created_at DESC, id DESC)');

    // Routing: only verified hostnames, globally unique. A platform table because any host must
    // resolve; merchants never read it directly.
    await knex.schema.createTable('hostnames', (t) => {
      t.text('hostname').primary();
      t.text('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
      t.text('domain_id').notNullable();
      t.timestamp('verified_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      t.index(['tenant_id']);
    });

    // A merchant's claims on custom domains: tenant-owned, so one store never sees another's
    // claims. Several stores may claim one hostname; the first to prove it in DNS gets it.
    await createTenantTable(
      knex,
      'domains',
      (t) => {
        t.text('id').notNullable();
        t.text('hostname').notNullable();
        t.text('verification_token').notNullable();
        t.timestamp('verified_at', { useTz: true });
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'hostname']);
      },
      { primaryKey: ['id'] },
    );

    await createTenantTable(
      knex,
      'store_settings',
      (t) => {
        t.text('name').notNullable();
        t.specificType('currency', 'char(3)').notNullable();
        t.jsonb('theme').notNullable().defaultTo('{}');
        t.text('payment_provider').notNullable().defaultTo('offline');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: [] },
    );
  },
};
