import type { Migration } from '@fleet/db';

/**
 * Each product's rating as the engagement service last summarised its visible reviews
 * (`review.summary_changed`); `rating_version` is that summary's version, so an older one that
 * arrives late is dropped.
 */
export const ratingsMigration: Migration = {
  name: '005_ratings',
  async up(knex) {
    await knex.raw(`ALTER TABLE products
      ADD COLUMN rating_average numeric(4, 2),
      ADD COLUMN rating_count integer NOT NULL DEFAULT 0,
      ADD COLUMN rating_version integer`);
  },
};
