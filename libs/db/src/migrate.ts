import knex, { type Knex } from 'knex';
import { ensureUnprivilegedRole, roleFromUrl } from './roles';

export interface Migration {
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

export interface MigrateOptions {
  /** URL of the schema owner; migrations run as this role. */
  ownerUrl: string;
  /** URL of the application role; it is created if missing and granted DML on every table. */
  appUrl: string;
  /** The cross-tenant reader of infrastructure tables (the outbox relay), granted only those. */
  relay?: { url: string; tables: string[] };
  migrations: readonly Migration[];
}

/** Creates the database if missing, ensures the roles, runs pending migrations, grants access. */
export async function migrate(options: MigrateOptions): Promise<string[]> {
  await ensureDatabase(options.ownerUrl);
  const owner = knex({ client: 'pg', connection: options.ownerUrl, pool: { min: 0, max: 1 } });
  try {
    const app = roleFromUrl(options.appUrl);
    await ensureUnprivilegedRole(owner, app);
    const [, applied] = (await owner.migrate.latest({ migrationSource: listSource(options.migrations) })) as [
      number,
      string[],
    ];
    await grantApp(owner, app.name);
    if (options.relay) await grantRelay(owner, options.relay);
    return applied;
  } finally {
    await owner.destroy();
  }
}

async function grantApp(owner: Knex, role: string): Promise<void> {
  const database = owner.client.database() as string;
  await owner.raw('GRANT CONNECT ON DATABASE ?? TO ??', [database, role]);
  await owner.raw('GRANT USAGE ON SCHEMA public TO ??', [role]);
  const tables = await owner.raw<{ rows: Array<{ tablename: string }> }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_migrations%'",
  );
  for (const { tablename } of tables.rows) {
    await owner.raw('GRANT SELECT, INSERT, UPDATE, DELETE ON ?? TO ??', [tablename, role]);
  }
  await owner.raw('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ??', [role]);
}

async function grantRelay(owner: Knex, relay: { url: string; tables: string[] }): Promise<void> {
  const role = roleFromUrl(relay.url);
  await ensureUnprivilegedRole(owner, role);
  const database = owner.client.database() as string;
  await owner.raw('GRANT CONNECT ON DATABASE ?? TO ??', [database, role.name]);
  await owner.raw('GRANT USAGE ON SCHEMA public TO ??', [role.name]);
  for (const table of relay.tables) {
    await owner.raw('GRANT SELECT, UPDATE, DELETE ON ?? TO ??', [table, role.name]);
    await owner.raw('DROP POLICY IF EXISTS relay_access ON ??', [table]);
    await owner.raw('CREATE POLICY relay_access ON ?? FOR ALL TO ?? USING (true) WITH CHECK (true)', [
      table,
      role.name,
    ]);
  }
}

function listSource(migrations: readonly Migration[]): Knex.MigrationSource<Migration> {
  return {
    getMigrations: async () => [...migrations],
    getMigrationName: (m) => m.name,
    getMigration: async (m) => ({ up: m.up, down: m.down ?? (async () => undefined) }),
  };
}

/** Connects to the server's `postgres` database as the owner and creates the target if missing. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = knex({ client: 'pg', connection: withDatabase(url, 'postgres'), pool: { min: 0, max: 1 } });
  try {
    const exists = await admin.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name]);
    if (exists.rows.length) return;
    await admin.raw('CREATE DATABASE ??', [name]).catch((err: { code?: string }) => {
      if (err.code !== '42P04' && err.code !== '23505') throw err;
    });
  } finally {
    await admin.destroy();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = knex({ client: 'pg', connection: withDatabase(url, 'postgres'), pool: { min: 0, max: 1 } });
  try {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
  } finally {
    await admin.destroy();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function withUser(url: string, user: string, password?: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = password === undefined ? '' : encodeURIComponent(password);
  return parsed.toString();
}
