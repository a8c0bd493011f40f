import { createDb } from '@fleet/db';
import { createTestDatabase, uniqueName } from '@fleet/testing';
import { createMeiliSearchEngine } from '../src/data-access/meili-search-engine';
import { migrations } from '../src/data-access/migrations';
import { searchEngineContract } from './search-engine.contract';

const MEILI_URL = process.env.MEILI_URL;
const SKIPPED = 'SKIPPED: MEILI_URL is not set — Meilisearch contract tests need a running Meilisearch';

if (!MEILI_URL) {
  console.warn(`[@fleet/search] ${SKIPPED}`);
  test.skip(SKIPPED, () => undefined);
} else {
  describe(`Meilisearch search engine at ${MEILI_URL}`, () => {
    searchEngineContract(async () => {
      const database = await createTestDatabase('search_meili', { migrations });
      const db = createDb({ url: database.appUrl, max: 4 });
      const engine = await createMeiliSearchEngine({
        url: MEILI_URL,
        apiKey: process.env.MEILI_KEY,
        indexPrefix: `${uniqueName('meili')}_`,
        db,
        waitForTasks: true,
      });
      return {
        engine,
        async close() {
          await db.close();
          await database.drop();
        },
      };
    });
  });
}
