import type { Db } from '@fleet/db';
import type { SearchEngine } from '../domain/search-engine';
import { createMeiliSearchEngine } from './meili-search-engine';
import { createPostgresSearchEngine } from './postgres-search-engine';

export interface EngineChoice {
  engine: SearchEngine;
  /** One line for the start-up log. */
  description: string;
}

/** Meilisearch when MEILI_URL is set; otherwise the embedded Postgres engine. */
export async function chooseSearchEngine(
  db: Db,
  meili: { url?: string; key?: string; indexPrefix: string },
): Promise<EngineChoice> {
  if (!meili.url) {
    return {
      engine: createPostgresSearchEngine(db),
      description:
        'MEILI_URL is not set: search runs on the embedded Postgres engine (full text + trigram typo tolerance)',
    };
  }
  const engine = await createMeiliSearchEngine({
    url: meili.url,
    apiKey: meili.key,
    indexPrefix: meili.indexPrefix,
    db,
  });
  return { engine, description: `search runs on Meilisearch at ${meili.url}, one index per tenant` };
}
