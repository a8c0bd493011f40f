import type { Migration } from '@fleet/db';

/**
 * Why a function: PostgreSQL uses no index for a non-leakproof operator (`@@`, `%>`, `&&`) on a
 * table under row-level security (the policy's qual must run first), so as the app role a text
 * search read every row of the tenant: 55 ms for a 100,000-product store, before ranking.
 *
 * `search_matches` is the one read that needs those indexes. It runs as the table owner, whom a
 * SELECT-only policy lets past RLS (as `relay_access` does for the outbox relay), and it takes
 * its tenant from the caller's transaction setting (`app.tenant_id`, set by `readAsTenant`),
 * never from an argument: a caller cannot name another tenant, and with no tenant set it returns
 * nothing. Every other read and every write stays under RLS as the app role.
 *
 * No words: every active product, newest first. Words (lower case, letters and digits, at most
 * 10) must all match: as a prefix of a word of the title or description; a word of 5+ letters
 * that matches nothing in the store as a prefix is taken as misspelt and matches title words
 * within one typo instead (pg_trgm word similarity >= 0.38; one slip in five letters scores 0.4).
 * Settings scoped to the function: custom plans (the planner sees the actual words), no JIT
 * (compiling costs more than a search) and the SSD `random_page_cost` (at 4 the planner reads
 * every row instead of the GIN bitmaps as soon as a word matches a few percent of a large store,
 * and computes trigrams for each).
 */
export const searchMatchesMigration: Migration = {
  name: '002_search_matches',
  async up(knex) {
    await knex.raw(`CREATE INDEX search_documents_category_idx ON search_documents
      USING gin (category_ids) WHERE status = 'active'`);
    await knex.raw(`CREATE INDEX search_documents_bucket_idx ON search_documents
      (tenant_id, price_bucket, created_at DESC, product_id DESC) WHERE status = 'active'`);
    await knex.raw(
      'CREATE POLICY search_matches_owner_read ON search_documents FOR SELECT TO CURRENT_USER USING (true)',
    );
    await knex.raw(`
      CREATE FUNCTION search_matches(terms text[], categories text[], in_stock boolean, bucket text, cap integer)
      RETURNS TABLE (product_id text, score real, category_ids text[], price_bucket text,
                     available boolean, created_at timestamptz)
      LANGUAGE plpgsql STABLE SECURITY DEFINER
      SET search_path = public, pg_temp
      SET pg_trgm.word_similarity_threshold = 0.38
      SET random_page_cost = 1.1
      SET plan_cache_mode = force_custom_plan
      SET jit = off
      AS $$
      DECLARE
        tenant text := current_setting('app.tenant_id', true);
        known text[];
        typos text[];
        every_word tsquery;
        any_word tsquery;
      BEGIN
        IF cardinality(terms) = 0 THEN
          RETURN QUERY SELECT d.product_id, 0::real, d.category_ids, d.price_bucket, d.available, d.created_at
            FROM search_documents d
            WHERE d.tenant_id = tenant AND d.status = 'active'
              AND (categories IS NULL OR d.category_ids && categories)
              AND (in_stock IS NULL OR d.available = in_stock) AND (bucket IS NULL OR d.price_bucket = bucket)
            ORDER BY d.created_at DESC, d.product_id DESC
            LIMIT cap;
          RETURN;
        END IF;
        SELECT coalesce(array_agg(w) FILTER (WHERE NOT misspelt), '{}'),
               coalesce(array_agg(w) FILTER (WHERE misspelt), '{}')
          INTO known, typos
          FROM (SELECT w, length(w) >= 5 AND NOT EXISTS (
                  SELECT 1 FROM search_documents d WHERE d.tenant_id = tenant AND d.status = 'active'
                    AND d.doc_tsv @@ to_tsquery('simple', w || ':*')) AS misspelt
                FROM unnest(terms) AS w) AS classified;
        IF cardinality(known) > 0 THEN
          every_word := to_tsquery('simple', array_to_string(array(SELECT w || ':*' FROM unnest(known) w), ' & '));
          any_word := to_tsquery('simple', array_to_string(array(SELECT w || ':*' FROM unnest(known) w), ' | '));
        END IF;
        IF cardinality(typos) = 0 THEN
          RETURN QUERY SELECT d.product_id, (1 + ts_rank(d.title_tsv, any_word))::real, d.category_ids,
              d.price_bucket, d.available, d.created_at
            FROM search_documents d
            WHERE d.tenant_id = tenant AND d.status = 'active' AND d.doc_tsv @@ every_word
              AND (categories IS NULL OR d.category_ids && categories)
              AND (in_stock IS NULL OR d.available = in_stock) AND (bucket IS NULL OR d.price_bucket = bucket)
            LIMIT cap;
        ELSE
          RETURN QUERY SELECT d.product_id,
              (coalesce(ts_rank(d.title_tsv, any_word), 0) + word_similarity(array_to_string(typos, ' '), d.title))::real,
              d.category_ids, d.price_bucket, d.available, d.created_at
            FROM search_documents d
            WHERE d.tenant_id = tenant AND d.status = 'active' AND d.title %> typos[1]
              AND (every_word IS NULL OR d.doc_tsv @@ every_word)
              AND NOT EXISTS (SELECT 1 FROM unnest(typos[2:]) w WHERE NOT d.title %> w)
              AND (categories IS NULL OR d.category_ids && categories)
              AND (in_stock IS NULL OR d.available = in_stock) AND (bucket IS NULL OR d.price_bucket = bucket)
            LIMIT cap;
        END IF;
      END
      $$`);
  },
  async down(knex) {
    await knex.raw('DROP FUNCTION search_matches(text[], text[], boolean, text, integer)');
    await knex.raw('DROP POLICY search_matches_owner_read ON search_documents');
  },
};
