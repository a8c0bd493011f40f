import { createTenantTable, type Migration } from '@fleet/db';

/**
 * The store's carrier choice, its shipments (one per order) and their tracking events. Every
 * table is tenant-owned (forced RLS) and every key and foreign key leads with `tenant_id`.
 */
export const shipmentsMigration: Migration = {
  name: '001_shipments',
  async up(knex) {
    await createTenantTable(
      knex,
      'shipping_settings',
      (t) => {
        t.text('carrier').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: [] },
    );

    await createTenantTable(
      knex,
      'shipments',
      (t) => {
        t.text('id').notNullable();
        t.text('order_id').notNullable();
        t.text('carrier').notNullable();
        t.text('carrier_name').notNullable();
        t.text('tracking_number').notNullable();
        t.text('tracking_url').nullable();
        t.text('status').notNullable();
        t.integer('version').notNullable().defaultTo(1);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE shipments ADD CONSTRAINT shipments_status_check
      CHECK (status IN ('CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED', 'LOST'))`);
    // One shipment per order: a redelivered order.fulfilled finds it instead of labelling twice.
    await knex.raw('CREATE UNIQUE INDEX shipments_by_order ON shipments (tenant_id, order_id)');
    await knex.raw(
      'CREATE UNIQUE INDEX shipments_by_tracking ON shipments (tenant_id, carrier, tracking_number)',
    );

    await createTenantTable(
      knex,
      'shipment_events',
      (t) => {
        t.text('shipment_id').notNullable();
        t.integer('seq').notNullable();
        t.text('status').notNullable();
        t.text('description').notNullable();
        t.text('source').notNullable();
        t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.foreign(['tenant_id', 'shipment_id']).references(['tenant_id', 'id']).inTable('shipments');
      },
      { primaryKey: ['shipment_id', 'seq'] },
    );
    await knex.raw(`ALTER TABLE shipment_events ADD CONSTRAINT shipment_events_source_check
      CHECK (source IN ('system', 'merchant', 'carrier'))`);
  },
  async down(knex) {
    for (const table of ['shipment_events', 'shipments', 'shipping_settings']) {
      await knex.schema.dropTable(table);
    }
  },
};
