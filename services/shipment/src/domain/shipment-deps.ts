import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';

/** What shipment's use cases need; start.ts builds it from config, tests from fixtures. */
export interface ShipmentDeps {
  /** The application role: every unit of work runs in `withTenant` / `readAsTenant`. */
  db: Db;
  logger: Logger;
}
