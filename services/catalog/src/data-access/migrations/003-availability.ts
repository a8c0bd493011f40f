import { createTenantTable, type Migration } from '@fleet/db';

/**
 * The availability read model: the last known sellable units of each variant. Set from `stock`
 * by the admin API until the inventory service exists, then by `inventory.level_changed` events;
 * `source_version` is the version of the last inventory event applied, so older ones are dropped.
 */
export const availabilityMigration: Migration = {
  name: '003_availability',
  async up(knex) {
    await createTenantTable(
      knex,
      'variant_availability',
      (t) => {
        t.text('variant_id').notNullable();
        t.integer('available').notNullable().defaultTo(0);
        t.integer('source_version');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.foreign(['tenant_id', 'variant_id'], 'variant_availability_variant_fk')
          .references(['tenant_id', 'id'])
          .inTable('variants')
          .onDelete('CASCADE');
      },
      { primaryKey: ['variant_id'] },
    );
  },
};
