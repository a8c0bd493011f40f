import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type { CatalogClient } from '../data-access/catalog.client';

/** What engagement's use cases need; start.ts builds it from config, tests from fixtures. */
export interface EngagementDeps {
  /** The application role: every unit of work runs in `withTenant` / `readAsTenant`. */
  db: Db;
  logger: Logger;
  catalog: CatalogClient;
}
