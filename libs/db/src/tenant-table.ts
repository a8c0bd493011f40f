import type { Knex } from 'knex';

/** The policy expression every tenant-owned table uses. A missing setting matches nothing. */
export const TENANT_PREDICATE = "tenant_id = current_setting('app.tenant_id', true)";

export interface TenantTableOptions {
  /** Key columns after `tenant_id`, e.g. `['id']`. */
  primaryKey: string[];
}

/**
 * Creates a tenant-owned table in one call: `tenant_id text not null` as the first column and
 * first key column, row-level security enabled and forced, one policy for reads and writes.
 */
export async function createTenantTable(
  knex: Knex,
  table: string,
  build: (t: Knex.CreateTableBuilder) => void,
  options: TenantTableOptions,
): Promise<void> {
  await knex.schema.createTable(table, (t) => {
    t.text('tenant_id').notNullable();
    build(t);
    t.primary(['tenant_id', ...options.primaryKey]);
  });
  await enableTenantRls(knex, table);
}

/**
 * Makes an existing table tenant-owned: adds `tenant_id` when missing, rebuilds the primary key
 * with `tenant_id` first, and turns on forced row-level security.
 */
export async function makeTenantOwned(knex: Knex, table: string, options: TenantTableOptions): Promise<void> {
  if (!(await knex.schema.hasColumn(table, 'tenant_id'))) {
    await knex.schema.alterTable(table, (t) => t.text('tenant_id').notNullable());
  }
  const pk = await knex.raw<{ rows: Array<{ conname: string }> }>(
    `SELECT conname FROM pg_constraint WHERE conrelid = ?::regclass AND contype = 'p'`,
    [table],
  );
  const existing = pk.rows[0]?.conname;
  if (existing) await knex.raw('ALTER TABLE ?? DROP CONSTRAINT ??', [table, existing]);
  const columns = ['tenant_id', ...options.primaryKey].map(() => '??').join(', ');
  await knex.raw(`ALTER TABLE ?? ADD PRIMARY KEY (${columns})`, [table, 'tenant_id', ...options.primaryKey]);
  await enableTenantRls(knex, table);
}

export async function enableTenantRls(knex: Knex, table: string): Promise<void> {
  await knex.raw('ALTER TABLE ?? ENABLE ROW LEVEL SECURITY', [table]);
  await knex.raw('ALTER TABLE ?? FORCE ROW LEVEL SECURITY', [table]);
  await knex.raw(
    `CREATE POLICY tenant_isolation ON ?? FOR ALL USING (${TENANT_PREDICATE}) WITH CHECK (${TENANT_PREDICATE})`,
    [table],
  );
}
