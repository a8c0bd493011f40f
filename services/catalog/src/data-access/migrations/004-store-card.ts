import type { Migration } from '@fleet/db';

/**
 * The storefront card of each product (id, slug, title, images, prices, availability, variants),
 * kept as JSON text on the row by the statement that ends every change of a product. The list
 * then reads 20 rows by index and sends their cards as they are: no joins, no JSON building.
 */
export const storeCardMigration: Migration = {
  name: '004_store_card',
  async up(knex) {
    await knex.raw(`ALTER TABLE products ADD COLUMN store_card json NOT NULL DEFAULT '{}'`);
  },
};
