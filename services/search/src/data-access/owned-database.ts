import { createDb, migrate, withDatabase, withUser } from '@fleet/db';
import { migrations } from './migrations';

export interface OwnedDatabase {
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * For tests and benchmarks: a fresh database `name`, migrated, owned by a new ordinary role
 * `${name}_owner` as in production (Helm's `fleet_owner`), with `fleet_app` as the application
 * role. A superuser owner (what `createTestDatabase` uses) would skip row-level security inside
 * `search_matches` and so measure and test something production never runs.
 */
export async function createOwnedDatabase(adminUrl: string, name: string): Promise<OwnedDatabase> {
  const owner = `${name}_owner`;
  const admin = createDb({ url: adminUrl, max: 1 });
  try {
    await admin.query(`CREATE ROLE ${quoteIdent(owner)} LOGIN PASSWORD '${owner}' NOSUPERUSER NOBYPASSRLS`);
    await admin
      .query(
        "CREATE ROLE fleet_app LOGIN PASSWORD 'fleet_app' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE",
      )
      .catch((err: { code?: string }) => {
        if (err.code !== '42710' && err.code !== '23505') throw err;
      });
    await admin.query(`CREATE DATABASE ${quoteIdent(name)} OWNER ${quoteIdent(owner)}`);
  } finally {
    await admin.close();
  }
  const url = withDatabase(adminUrl, name);
  const ownerUrl = withUser(url, owner, owner);
  const appUrl = withUser(url, 'fleet_app', 'fleet_app');
  await migrate({ ownerUrl, appUrl, migrations });
  return {
    ownerUrl,
    appUrl,
    async drop() {
      const cleanup = createDb({ url: adminUrl, max: 1 });
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        await cleanup.query(`DROP ROLE IF EXISTS ${quoteIdent(owner)}`);
      } finally {
        await cleanup.close();
      }
    },
  };
}
