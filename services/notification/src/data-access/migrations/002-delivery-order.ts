import type { Migration } from '@fleet/db';

/** Finds an address's earlier queued mail, which a later one waits for (send-delivery.ts). */
export const deliveryOrderMigration: Migration = {
  name: '002_delivery_order',
  async up(knex) {
    await knex.raw(
      `CREATE INDEX deliveries_queued_by_recipient ON deliveries (tenant_id, recipient, created_at, id)
        WHERE status = 'queued'`,
    );
  },
};
