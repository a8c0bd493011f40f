// Issue 2: what tenant scoping costs. A single-row read by key through the tenant scopes of
// @fleet/db against the same read with no scoping, plus the naive four-round-trip pattern.
const { Pool } = require('pg');
const { createDb, newId, prepared } = require('@fleet/db');
const { createTestDatabase } = require('@fleet/testing');
const { compare } = require('../harness');

const ROWS_PER_TENANT = 5000;
const SQL = 'SELECT id, body FROM items WHERE tenant_id = $1 AND id = $2';
const NAMED = prepared('bench-item-by-id', SQL);

const migrations = [
  {
    name: '001_items',
    async up(knex) {
      const { createTenantTable } = require('@fleet/db');
      await createTenantTable(
        knex,
        'items',
        (t) => {
          t.text('id').notNullable();
          t.text('body').notNullable();
        },
        { primaryKey: ['id'] },
      );
    },
  },
];

module.exports = async function tenantScoping() {
  const database = await createTestDatabase('bench_scoping', { migrations });
  const concurrency = 8;
  const owner = new Pool({ connectionString: database.ownerUrl, max: concurrency });
  const db = createDb({ url: database.appUrl, max: concurrency });
  const naive = new Pool({ connectionString: database.appUrl, max: concurrency });
  try {
    const tenants = [newId('ten'), newId('ten')];
    const ids = [];
    for (const tenantId of tenants) {
      await owner.query(
        `INSERT INTO items (tenant_id, id, body) SELECT $1, 'itm_' || $1 || '_' || g, repeat('x', 64) FROM generate_series(1, $2) g`,
        [tenantId, ROWS_PER_TENANT],
      );
    }
    await owner.query('ANALYZE items');
    for (let i = 1; i <= ROWS_PER_TENANT; i += 7) ids.push(i);
    let k = 0;
    const next = () => {
      k = (k + 1) % ids.length;
      const tenantId = tenants[k % 2];
      return { ctx: { requestId: 'bench', tenantId }, params: [tenantId, `itm_${tenantId}_${ids[k]}`] };
    };

    const ops = {
      unscoped: async () => {
        const { params } = next();
        await owner.query(SQL, params);
      },
      unscopedPrepared: async () => {
        const { params } = next();
        await owner.query({ name: NAMED.name, text: SQL, values: params });
      },
      readAsTenantPrepared: async () => {
        const { ctx, params } = next();
        await db.readAsTenant(ctx, (tx) => tx.maybeOne(NAMED, params));
      },
      readAsTenant: async () => {
        const { ctx, params } = next();
        await db.readAsTenant(ctx, (tx) => tx.maybeOne(SQL, params));
      },
      withTenant: async () => {
        const { ctx, params } = next();
        await db.withTenant(ctx, (tx) => tx.maybeOne(SQL, params));
      },
      unscopedTransaction: async () => {
        const { params } = next();
        const c = await owner.connect();
        try {
          await c.query('BEGIN');
          await c.query(SQL, params);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      },
      naive: async () => {
        const { params } = next();
        const c = await naive.connect();
        try {
          await c.query('BEGIN');
          await c.query("SELECT set_config('app.tenant_id', $1, true)", [params[0]]);
          await c.query(SQL, params);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      },
    };
    // Sanity: the scoped reads really return the row.
    const probe = next();
    const found = await db.readAsTenant(probe.ctx, (tx) => tx.maybeOne(SQL, probe.params));
    if (!found) throw new Error('scoped read returned nothing');

    const r = await compare(ops, { concurrency, durationMs: 1000, rounds: 5 });
    const row = (name, subject, base, target) => ({
      name,
      value: `${Math.round(r[subject].opsPerSec)} ops/s, p50 ${r[subject].p50.toFixed(2)} ms`,
      baseline: `${Math.round(r[base].opsPerSec)} ops/s (${base})`,
      ratio: r[base].opsPerSec / r[subject].opsPerSec,
      target,
    });
    return [
      row('tenant-scoped read (readAsTenant) vs unscoped read', 'readAsTenant', 'unscoped', '<= 1.20x'),
      row('same, both sides prepared statements', 'readAsTenantPrepared', 'unscopedPrepared', '<= 1.20x'),
      row(
        'tenant-scoped read in a write transaction (withTenant) vs unscoped read',
        'withTenant',
        'unscoped',
        'info',
      ),
      row(
        'withTenant transaction vs unscoped transaction (BEGIN/read/COMMIT)',
        'withTenant',
        'unscopedTransaction',
        '<= 1.20x',
      ),
      row('naive BEGIN + set_config + read + COMMIT vs unscoped read', 'naive', 'unscoped', 'info'),
    ];
  } finally {
    await owner.end();
    await naive.end();
    await db.close();
    await database.drop();
  }
};
