import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';

/** What catalog's use cases need; main.ts builds it from config, tests from fixtures. */
export interface CatalogDeps {
  db: Db;
  logger: Logger;
}
