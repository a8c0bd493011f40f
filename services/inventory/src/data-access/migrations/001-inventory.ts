import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Stock per (variant, location), reservations keyed by the order id, and their lines. Every table
 * is tenant-owned (forced RLS) and every key and foreign key leads with `tenant_id`, so no row can
 * point at another tenant's row.
 */
export const inventoryMigration: Migration = {
  name: '001_inventory',
  async up(knex) {
    await createTenantTable(
      knex,
      'locations',
      (t) => {
        t.text('id').notNullable();
        t.text('name').notNullable();
        t.boolean('is_default').notNullable().defaultTo(false);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['id'] },
    );
    await knex.raw('CREATE UNIQUE INDEX locations_one_default ON locations (tenant_id) WHERE is_default');

    await createTenantTable(
      knex,
      'stock_levels',
      (t) => {
        t.text('variant_id').notNullable();
        t.text('location_id').notNullable();
        t.text('product_id').nullable();
        t.integer('on_hand').notNullable().defaultTo(0);
        t.integer('reserved').notNullable().defaultTo(0);
        t.integer('version').notNullable().defaultTo(1);
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        // Set when the product is deleted: not sellable, kept for in-flight reservations.
        t.timestamp('archived_at', { useTz: true }).nullable();
        t.foreign(['tenant_id', 'location_id']).references(['tenant_id', 'id']).inTable('locations');
      },
      { primaryKey: ['variant_id', 'location_id'] },
    );
    await knex.raw(`ALTER TABLE stock_levels
      ADD CONSTRAINT stock_on_hand_not_negative CHECK (on_hand >= 0),
      ADD CONSTRAINT stock_reserved_not_negative CHECK (reserved >= 0),
      ADD CONSTRAINT stock_reserved_within_on_hand CHECK (reserved <= on_hand)`);
    await knex.raw('CREATE INDEX stock_levels_product_idx ON stock_levels (tenant_id, product_id)');

    await createTenantTable(
      knex,
      'reservations',
      (t) => {
        t.text('id').notNullable(); // the order id
        t.text('status').notNullable();
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.integer('version').notNullable().defaultTo(1);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
      CHECK (status IN ('reserved', 'committed', 'released', 'expired', 'restocked'))`);
    // The one index not led by tenant_id: the expiry sweep reads ACROSS tenants the active
    // reservations in expiry order, so a small partial index on expires_at is its access path.
    await knex.raw(
      "CREATE INDEX reservations_due_idx ON reservations (expires_at) WHERE status = 'reserved'",
    );

    await createTenantTable(
      knex,
      'reservation_items',
      (t) => {
        t.text('reservation_id').notNullable();
        t.text('variant_id').notNullable();
        t.text('location_id').notNullable();
        t.integer('quantity').notNullable();
        t.foreign(['tenant_id', 'reservation_id']).references(['tenant_id', 'id']).inTable('reservations');
        t.foreign(['tenant_id', 'variant_id', 'location_id'])
          .references(['tenant_id', 'variant_id', 'location_id'])
          .inTable('stock_levels');
      },
      { primaryKey: ['reservation_id', 'variant_id', 'location_id'] },
    );
    await knex.raw(
      'ALTER TABLE reservation_items ADD CONSTRAINT reservation_items_quantity_positive CHECK (quantity > 0)',
    );
  },
  async down(knex) {
    for (const table of ['reservation_items', 'reservations', 'stock_levels', 'locations']) {
      await knex.schema.dropTable(table);
    }
  },
};
