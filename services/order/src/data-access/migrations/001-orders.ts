import { createTenantTable, type Migration } from '@fleet/db';

const STATUSES = [
  'PENDING',
  'PLACED',
  'FULFILLED',
  'SHIPPED',
  'DELIVERED',
  'CANCEL_REQUESTED',
  'CANCELLED',
  'REJECTED',
  'RETURNED',
];
const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Orders, their lines and status history: tenant-owned, forced RLS, every key and foreign key
 * led by tenant_id, so no row can point at another tenant's order. Money is bigint minor units.
 */
export const ordersMigration: Migration = {
  name: '001_orders',
  async up(knex) {
    await createTenantTable(
      knex,
      'orders',
      (t) => {
        t.text('id').notNullable();
        t.text('checkout_id').notNullable();
        t.text('request_hash').notNullable();
        t.text('status').notNullable();
        t.text('status_reason');
        t.text('email').notNullable();
        t.text('customer_id');
        t.specificType('currency', 'char(3)').notNullable();
        t.bigInteger('subtotal').notNullable();
        t.bigInteger('shipping').notNullable();
        t.bigInteger('tax').notNullable();
        t.bigInteger('total').notNullable();
        t.bigInteger('paid_amount');
        t.bigInteger('refunded_amount').notNullable().defaultTo(0);
        t.jsonb('shipping_address').notNullable();
        t.text('access_token_hash').notNullable();
        t.text('access_token_nonce').notNullable();
        t.text('payment_id');
        t.text('payment_provider');
        t.jsonb('payment_client_params');
        t.text('carrier');
        t.timestamp('expires_at', { useTz: true }).notNullable();
        t.integer('version').notNullable().defaultTo(1);
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.unique(['tenant_id', 'checkout_id']);
      },
      { primaryKey: ['id'] },
    );
    await knex.raw(
      `ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN (${quoted(STATUSES)}))`,
    );
    await knex.raw(`ALTER TABLE orders ADD CONSTRAINT orders_money_check CHECK (
      subtotal >= 0 AND shipping >= 0 AND tax >= 0 AND total = subtotal + shipping + tax
      AND refunded_amount >= 0 AND (paid_amount IS NULL OR paid_amount >= 0))`);
    await knex.raw('CREATE INDEX orders_status_idx ON orders (tenant_id, status, id DESC)');
    await knex.raw(
      'CREATE INDEX orders_customer_idx ON orders (tenant_id, customer_id, id DESC) WHERE customer_id IS NOT NULL',
    );

    await createTenantTable(
      knex,
      'order_items',
      (t) => {
        t.text('order_id').notNullable();
        t.integer('line').notNullable();
        t.text('variant_id').notNullable();
        t.text('product_id').notNullable();
        t.text('sku').notNullable();
        t.text('title').notNullable();
        t.bigInteger('unit_price').notNullable();
        t.integer('quantity').notNullable();
        t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
      },
      { primaryKey: ['order_id', 'line'] },
    );
    await knex.raw(
      'ALTER TABLE order_items ADD CONSTRAINT order_items_amount_check CHECK (unit_price >= 0 AND quantity > 0)',
    );

    await createTenantTable(
      knex,
      'order_status_history',
      (t) => {
        t.text('order_id').notNullable();
        t.integer('seq').notNullable();
        t.text('from_status');
        t.text('to_status').notNullable();
        t.text('reason');
        t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.foreign(['tenant_id', 'order_id']).references(['tenant_id', 'id']).inTable('orders');
      },
      { primaryKey: ['order_id', 'seq'] },
    );
  },
};
