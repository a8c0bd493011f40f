import { createDb } from '@fleet/db';
import { createTestDatabase } from '@fleet/testing';
import { createPostgresSearchEngine } from '../src/data-access/postgres-search-engine';
import { migrations } from '../src/data-access/migrations';
import { searchEngineContract } from './search-engine.contract';

describe('Postgres search engine', () => {
  searchEngineContract(async () => {
    const database = await createTestDatabase('search_pg_engine', { migrations });
    const db = createDb({ url: database.appUrl, max: 4 });
    return {
      engine: createPostgresSearchEngine(db),
      async close() {
        await db.close();
        await database.drop();
      },
    };
  });
});
