import { createDb, type Db } from '@fleet/db';
import { createPostgresSearchEngine } from '../src/data-access/postgres-search-engine';
import { createOwnedDatabase } from './owned-database';
import { doc, newTenant } from './products';
import { searchEngineContract } from './search-engine.contract';

describe('Postgres search engine (the embedded default)', () => {
  let db: Db;

  searchEngineContract(async () => {
    const database = await createOwnedDatabase('search_pg');
    db = createDb({ url: database.appUrl, max: 4 });
    return {
      engine: createPostgresSearchEngine(db),
      async close() {
        await db.close();
        await database.drop();
      },
    };
  });

  describe('row-level security under the application role', () => {
    const tenantId = newTenant();

    beforeAll(async () => {
      await createPostgresSearchEngine(db).upsert(tenantId, [doc({ title: 'Hidden Lantern' })]);
    });

    test('with no tenant in the transaction, neither the table nor search_matches shows a row', async () => {
      const table = await db.query('SELECT count(*)::int AS n FROM search_documents');
      expect(table.rows[0]).toEqual({ n: 0 });
      const matches = await db.query(
        "SELECT count(*)::int AS n FROM search_matches(ARRAY['lantern'], NULL, NULL, NULL, 100)",
      );
      expect(matches.rows[0]).toEqual({ n: 0 });
    });

    test('another tenant sees none of the rows, even when asking for them by id', async () => {
      const other = { requestId: 'rls', tenantId: newTenant() };
      const rows = await db.readAsTenant(other, (tx) =>
        tx.rows("SELECT product_id FROM search_documents WHERE tenant_id = $1 OR title LIKE '%Lantern%'", [
          tenantId,
        ]),
      );
      expect(rows).toEqual([]);
      const matches = await db.readAsTenant(other, (tx) =>
        tx.rows("SELECT product_id FROM search_matches(ARRAY['lantern'], NULL, NULL, NULL, 100)"),
      );
      expect(matches).toEqual([]);
    });

    test('the application role cannot write another tenant’s rows', async () => {
      const other = { requestId: 'rls', tenantId: newTenant() };
      await expect(
        db.withTenant(other, (tx) =>
          tx.query(
            "INSERT INTO search_documents (tenant_id, product_id, version, status) VALUES ($1, 'p', 1, 'active')",
            [tenantId],
          ),
        ),
      ).rejects.toThrow(/row-level security/);
    });
  });
});
