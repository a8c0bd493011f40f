import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { CacheStamps } from '../data-access/cache-stamps';

/** What catalog's use cases need; main.ts builds it from config, tests from fixtures. */
export interface CatalogDeps {
  db: Db;
  logger: Logger;
  /** Renewed after every committed write, so the gateway's cached storefront answers go stale. */
  stamps?: CacheStamps;
}
