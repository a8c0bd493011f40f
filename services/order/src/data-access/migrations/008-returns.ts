import { createTenantTable, type Migration } from '@fleet/db';

const ORDER_STATUSES = [
  'PENDING',
  'PLACED',
  'FULFILLED',
  'SHIPPED',
  'DELIVERED',
  'CANCEL_REQUESTED',
  'CANCELLED',
  'REJECTED',
  'RETURNED',
  'PARTIALLY_RETURNED',
];
const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Returns of delivered units: the store's return window, each return and its lines. Every table
 * is tenant-owned (forced RLS), every key and foreign key led by `tenant_id`. Orders may now be
 * PARTIALLY_RETURNED.
 */
export const returnsMigration: Migration = {
  name: '008_returns',
  async up(knex) {
    await knex.raw('ALTER TABLE orders DROP CONSTRAINT orders_status_check');
    await knex.raw(
      `ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${quoted(ORDER_STATUSES)}))`,
    );

    await createTenantTable(
      knex,
      'return_settings',
      (t) => {
        t.integer('return_window_days').notNullable();
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: [] },
    );
    await knex.raw(
      'ALTER TABLE return_settings ADD CONSTRAINT return_window_range CHECK (return_window_days BETWEEN 0 AND 365)',
    );

    await createTenantTable(
      knex,
      'returns',
      (t) => {
        t.text('id').notNullable();
        t.text('order_id').notNullable();
        t.text('status').notNullable();
        t.text('reason').nullable();
        t.boolean('restock').nullable();
        t.bigInteger('refund_amount').nullable();
        t.text('refund_id').nullable();
        t.integer('version').notNullable().defaultTo(1);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(`ALTER TABLE returns ADD CONSTRAINT returns_status_check
      CHECK (status IN ('REQUESTED', 'ACCEPTED', 'REJECTED', 'RECEIVED', 'REFUNDED'))`);
    await knex.raw('ALTER TABLE returns ADD CONSTRAINT returns_refund_check CHECK (refund_amount >= 0)');
    await knex.raw('CREATE INDEX returns_by_order ON returns (tenant_id, order_id)');

    await createTenantTable(
      knex,
      'return_lines',
      (t) => {
        t.text('return_id').notNullable();
        t.text('variant_id').notNullable();
        t.integer('quantity').notNullable();
        t.foreign(['tenant_id', 'return_id']).references(['tenant_id', 'id']).inTable('returns');
      },
      { primaryKey: ['return_id', 'variant_id'] },
    );
    await knex.raw('ALTER TABLE return_lines ADD CONSTRAINT return_lines_quantity CHECK (quantity > 0)');
  },
  async down(knex) {
    for (const table of ['return_lines', 'returns', 'return_settings']) await knex.schema.dropTable(table);
  },
};
