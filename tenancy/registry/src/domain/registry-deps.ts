import type { Db } from '@fleet/db';

/** What the registry's use cases need; main.ts builds it from config, tests from fixtures. */
export interface RegistryDeps {
  db: Db;
  platformDomain: string;
}
