import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';

/** What inventory's use cases need; main.ts builds it from config, tests from fixtures. */
export interface InventoryDeps {
  /** The application role: every unit of work runs in `withTenant` / `readAsTenant`. */
  db: Db;
  logger: Logger;
}

/** The expiry sweep also needs the relay role's pool for its cross-tenant scan of due ids. */
export interface SweepDeps extends InventoryDeps {
  scanDb: Db;
}
