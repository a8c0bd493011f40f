import { createTenantTable, type Migration } from '@fleet/db';

/**
 * The embedded engine's documents. One row per product the service has heard of: `active` rows
 * are searchable; `draft`, `archived` and `deleted` rows only keep the version, so a late, older
 * event cannot bring a product back. `doc_tsv` is derived (title weight A, description C) with
 * the language-neutral `simple` configuration, because stores write in every language.
 *
 * Every index carries `tenant_id` (first in the btree ones; in the GIN ones through btree_gin) and
 * covers active rows only. pg_trgm and btree_gin are trusted extensions: the schema owner may
 * create them.
 *
 * Typo tolerance compares each query word with the title (`title %> word`). A one-letter typo in
 * a five-letter word has a word similarity of 0.4, under pg_trgm's default threshold of 0.6, so
 * this database lowers it for every session (the owner of a database may set its defaults).
 * It also sets `random_page_cost` to the usual SSD value: at the default (4) the planner prefers
 * a sequential scan to the GIN bitmap scans as soon as a word matches a few percent of a large
 * store, and then computes trigram similarity for every row (10x slower).
 */
/** Below 0.4, the similarity of a one-letter substitution in a five-letter word. */
export const WORD_SIMILARITY_THRESHOLD = 0.38;

export const searchDocumentsMigration: Migration = {
  name: '001_search_documents',
  async up(knex) {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await knex.raw('CREATE EXTENSION IF NOT EXISTS btree_gin');
    for (const setting of [`pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`, 'random_page_cost = 1.1']) {
      await knex.raw(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET ${setting}', current_database()); END $$`);
    }
    await createTenantTable(
      knex,
      'search_documents',
      (t) => {
        t.text('product_id').notNullable();
        t.integer('version').notNullable();
        t.text('status').notNullable();
        t.text('slug').notNullable().defaultTo('');
        t.text('title').notNullable().defaultTo('');
        t.text('description').notNullable().defaultTo('');
        t.specificType('category_ids', 'text[]').notNullable().defaultTo('{}');
        t.bigInteger('price_min').notNullable().defaultTo(0);
        t.bigInteger('price_max').notNullable().defaultTo(0);
        t.text('price_bucket').notNullable().defaultTo('0-1000');
        t.text('currency').notNullable().defaultTo('');
        t.boolean('available').notNullable().defaultTo(false);
        t.text('image');
        t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
        t.timestamp('indexed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
      },
      { primaryKey: ['product_id'] },
    );
    await knex.raw(`
      ALTER TABLE search_documents
        ADD CONSTRAINT search_documents_status_check
          CHECK (status IN ('active', 'draft', 'archived', 'deleted')),
        ADD COLUMN doc_tsv tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'C')
        ) STORED`);
    await knex.raw(`CREATE INDEX search_documents_tsv_idx ON search_documents
      USING gin (tenant_id, doc_tsv) WHERE status = 'active'`);
    await knex.raw(`CREATE INDEX search_documents_title_trgm_idx ON search_documents
      USING gin (tenant_id, title gin_trgm_ops) WHERE status = 'active'`);
    await knex.raw(`CREATE INDEX search_documents_newest_idx ON search_documents
      (tenant_id, created_at DESC, product_id DESC) WHERE status = 'active'`);
  },
  async down(knex) {
    await knex.schema.dropTable('search_documents');
  },
};
