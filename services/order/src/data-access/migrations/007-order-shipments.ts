import { createTenantTable, type Migration } from '@fleet/db';

/**
 * Order's read model of its shipments, kept from the shipment service's events (`order.shipments`
 * consumer): the shopper's and the merchant's order views show them without asking shipment.
 * `events` lists every status the events reported, with when.
 */
export const orderShipmentsMigration: Migration = {
  name: '007_order_shipments',
  async up(knex) {
    await createTenantTable(
      knex,
      'order_shipments',
      (t) => {
        t.text('order_id').notNullable();
        t.text('shipment_id').notNullable();
        t.text('carrier').notNullable();
        t.text('carrier_name').notNullable();
        t.text('tracking_number').notNullable();
        t.text('tracking_url').nullable();
        t.text('status').notNullable();
        t.integer('version').notNullable();
        t.jsonb('events').notNullable().defaultTo('[]');
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['order_id', 'shipment_id'] },
    );
  },
  async down(knex) {
    await knex.schema.dropTable('order_shipments');
  },
};
