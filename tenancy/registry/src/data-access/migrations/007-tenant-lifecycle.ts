import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Tenant export and purge (docs/tenancy.md, "Tenant lifecycle"). A soft-deleted tenant keeps its
 * row, status `deleted`, until `purge_after`; then its data and the row go. Export archives are
 * tenant-owned and kept in Postgres in 1 MiB chunks, so every registry replica can serve them.
 */
export const tenantLifecycleMigration: Migration = {
  name: '007_tenant_lifecycle',
  async up(knex) {
    await knex.raw('ALTER TABLE tenants DROP CONSTRAINT tenants_status_check');
    await knex.raw(
      "ALTER TABLE tenants ADD CONSTRAINT tenants_status_check CHECK (status IN ('active', 'suspended', 'deleted'))",
    );
    await knex.schema.alterTable('tenants', (t) => {
      t.timestamp('deleted_at', { useTz: true });
      t.timestamp('purge_after', { useTz: true });
    });

    await createTenantTable(
      knex,
      'tenant_exports',
      (t) => {
        t.text('id').notNullable();
        t.text('status').notNullable().defaultTo('queued');
        t.text('requested_by').notNullable();
        t.integer('tables_done').notNullable().defaultTo(0);
        t.integer('tables_total').notNullable().defaultTo(0);
        t.text('current_table');
        t.bigInteger('size_bytes');
        t.text('error');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('finished_at', { useTz: true });
        t.index(['tenant_id', 'created_at']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(
      "ALTER TABLE tenant_exports ADD CONSTRAINT tenant_exports_status_check CHECK (status IN ('queued', 'running', 'done', 'failed'))",
    );

    await createTenantTable(
      knex,
      'tenant_export_chunks',
      (t) => {
        t.text('export_id').notNullable();
        t.integer('seq').notNullable();
        t.binary('data').notNullable();
        t.foreign(['tenant_id', 'export_id'])
          .references(['tenant_id', 'id'])
          .inTable('tenant_exports')
          .onDelete('CASCADE');
      },
      { primaryKey: ['export_id', 'seq'] },
    );
  },
};
