import { dropDatabase, migrate, withDatabase, withUser, type Migration } from '@fleet/db';
import { uniqueName } from './run-id';

/** The server tests use; override with TEST_PG_URL (a role that may create databases and roles). */
const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  appUrl: string;
  relayUrl: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  migrations: readonly Migration[];
  /** Tables the outbox relay role may read across tenants (usually `['outbox']`). */
  relayTables?: string[];
}

/** A fresh database for one test file, migrated, with the app and relay roles granted. */
export async function createTestDatabase(label: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = uniqueName(label);
  const ownerUrl = withDatabase(ADMIN_URL, name);
  const appUrl = withUser(ownerUrl, 'fleet_app', 'fleet_app');
  const relayUrl = withUser(ownerUrl, 'fleet_relay', 'fleet_relay');
  await migrate({
    ownerUrl,
    appUrl,
    relay: options.relayTables?.length ? { url: relayUrl, tables: options.relayTables } : undefined,
    migrations: options.migrations,
  });
  return { name, ownerUrl, appUrl, relayUrl, drop: () => dropDatabase(ownerUrl) };
}
