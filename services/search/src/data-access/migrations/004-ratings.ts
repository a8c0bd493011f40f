import type { Migration } from '@fleet/db';

/** Each document's rating as catalog's product document carries it (reviews, via engagement). */
export const searchRatingsMigration: Migration = {
  name: '004_ratings',
  async up(knex) {
    await knex.raw(`ALTER TABLE search_documents
      ADD COLUMN rating_average numeric(4, 2),
      ADD COLUMN rating_count integer NOT NULL DEFAULT 0`);
  },
};
