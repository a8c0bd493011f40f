import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb, type Migration } from '@fleet/db';
import { createTestDatabase, type TestDatabase } from '@fleet/testing';
import { discoverTenantTables, excludedTables, type TenantDataPolicy, type TenantTable } from '../src';

/**
 * Every service with a database (scripts/services.js, so a service added later is covered the day
 * it is listed) exports its tenant-data policy and mounts the shared endpoints, and the policy
 * keeps every secret-looking column out of an export. The schema is the real one: the service's
 * migrations run on a fresh database.
 */
const root = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { services } = require(path.join(root, 'scripts/services.js')) as {
  services: Array<{ name: string; dir: string; database: string | null }>;
};
const withData = services.filter((s) => s.database);

interface ServiceModule {
  migrations: readonly Migration[];
  relayTables?: string[];
  tenantDataPolicy?: TenantDataPolicy;
}

/** A column whose value must never leave the platform in an archive. */
const SECRET = /(password|secret|private|encrypted|token_hash|key_hash|_hash$|credential)/;

function exposedSecrets(tables: TenantTable[], policy: TenantDataPolicy): string[] {
  const excluded = excludedTables(policy);
  return tables
    .filter((t) => !excluded.has(t.name))
    .flatMap((t) => t.columns.filter((c) => SECRET.test(c)).map((c) => `${t.name}.${c}`))
    .filter((col) => {
      const [table, column] = col.split('.') as [string, string];
      return !(policy.redact?.[table] ?? []).includes(column);
    });
}

describe.each(withData.map((s) => [s.name, s] as const))('tenant data of %s', (name, service) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require(path.join(root, service.dir, 'package.json')) as { name: string };
  let mod: ServiceModule;
  let data: TestDatabase;

  beforeAll(async () => {
    mod = (await import(pkg.name)) as ServiceModule;
    data = await createTestDatabase(`td_${name}`, {
      migrations: mod.migrations,
      relayTables: mod.relayTables,
    });
  }, 120_000);
  afterAll(async () => data?.drop());

  it('exports a policy named after the service and mounts the shared endpoints in its app', () => {
    expect(mod.tenantDataPolicy?.service).toBe(name);
    const app = readFileSync(path.join(root, service.dir, 'src/app.ts'), 'utf8');
    expect(app).toMatch(/tenantDataRoutes\(\s*deps\.db\s*,[^;]*\btenantDataPolicy\b/);
  });

  it('redacts every secret-looking column and names only columns that exist', async () => {
    const db = createDb({ url: data.appUrl, max: 1 });
    try {
      const tables = await discoverTenantTables({
        rows: async (sql: string) => (await db.query(sql)).rows as never,
      });
      expect(tables.length).toBeGreaterThan(0);
      if (process.env.TENANT_DATA_PRINT) {
        console.log(
          name,
          JSON.stringify(
            tables.map((t) => [t.name, t.columns.join(',')]),
            null,
            1,
          ),
        );
      }
      const policy = mod.tenantDataPolicy as TenantDataPolicy;
      expect(exposedSecrets(tables, policy)).toEqual([]);
      for (const [table, columns] of Object.entries(policy.redact ?? {})) {
        const found = tables.find((t) => t.name === table);
        expect({ table, columns: columns.filter((c) => !found?.columns.includes(c)) }).toEqual({
          table,
          columns: [],
        });
        // A key column stays: without it a row could not be told from another.
        expect(columns.filter((c) => found?.primaryKey.includes(c))).toEqual([]);
      }
      for (const table of policy.exclude ?? []) expect(tables.map((t) => t.name)).toContain(table);
    } finally {
      await db.close();
    }
  });
});

it('the registry calls every service with a database but itself (TENANT_DATA_SERVICES)', async () => {
  const { TENANT_DATA_SERVICES } = await import('@fleet/contracts');
  expect(TENANT_DATA_SERVICES.map((s) => s.service).sort()).toEqual(
    withData
      .map((s) => s.name)
      .filter((n) => n !== 'tenancy')
      .sort(),
  );
});
