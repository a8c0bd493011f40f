import { trackPool } from './pool-metrics';
import { Pool, type PoolClient, type QueryResult, type QueryResultRow } from 'pg';
import knex, { type Knex } from 'knex';
import type { Ctx } from '@fleet/context';
import { assertTenantId } from './tenant-id';
import { createQueryable, runPipeline, type Queryable } from './tx';
import type { Statement } from './pipelined-query';

export interface DbConfig {
  /** URL of the application role: owns no table, cannot bypass row-level security. */
  url: string;
  /** Pool size. */
  max?: number;
  applicationName?: string;
  /** Called when an idle pooled connection fails (the pool drops it). */
  onError?: (err: Error) => void;
}

export interface Db {
  /**
   * A read-write unit of work: one transaction whose first statement is pipelined behind
   * BEGIN and `set_config('app.tenant_id', …, true)`, so scoping adds no round trip; COMMIT on
   * success, ROLLBACK on throw. Row-level security sees only this tenant's rows.
   */
  withTenant<T>(ctx: Ctx, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Read-only work: every statement runs in its own implicit read-only transaction with the
   * tenant set in the same network write (one round trip per statement, like an unscoped read).
   * Each statement sees its own snapshot, as in a READ COMMITTED transaction.
   */
  readAsTenant<T>(ctx: Ctx, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Platform-level statement with no tenant: tenant-owned tables show no rows. */
  query<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** Platform-level transaction with no tenant. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** A query builder only (never executes): `tx.run(db.sql('products').where(...))`. */
  sql: Knex;
  pool: Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const BEGIN: Statement = { name: 'fleet_begin', text: 'BEGIN' };
const COMMIT: Statement = { name: 'fleet_commit', text: 'COMMIT' };
const SET_TENANT = "SELECT set_config('app.tenant_id', $1, true)";
const SET_TENANT_READ_ONLY =
  "SELECT set_config('app.tenant_id', $1, true), set_config('transaction_read_only', 'on', true)";

const builder = knex({ client: 'pg' });

export function createDb(config: DbConfig): Db {
  const pool = new Pool({
    connectionString: config.url,
    max: config.max ?? 10,
    application_name: config.applicationName,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', (err) => config.onError?.(err));
  // Application pools only (named after their service); jobs' side pools are named otherwise.
  const untrack = config.applicationName ? trackPool(config.applicationName, pool) : () => undefined;

  async function inTransaction<T>(
    prelude: readonly Statement[],
    fn: (tx: Queryable) => Promise<T>,
  ): Promise<T> {
    const client = await pool.connect();
    let begun = false;
    const tx = createQueryable(
      client,
      () => {
        if (begun) return undefined;
        begun = true;
        return prelude;
      },
      { deferrable: true },
    );
    try {
      const result = await fn(tx);
      // Writes the unit of work deferred travel with COMMIT: one round trip for both.
      const pending = tx.takePending();
      if (pending.length > 0) await runPipeline(client, [...pending, COMMIT]);
      else if (begun) await client.query('COMMIT');
      client.release();
      return result;
    } catch (err) {
      if (begun) await rollbackAndRelease(client);
      else client.release();
      throw err;
    }
  }

  return {
    async withTenant(ctx, fn) {
      const tenantId = assertTenantId(ctx.tenantId);
      return inTransaction([BEGIN, { name: 'fleet_set_tenant', text: SET_TENANT, values: [tenantId] }], fn);
    },
    async readAsTenant(ctx, fn) {
      const tenantId = assertTenantId(ctx.tenantId);
      const scope: Statement[] = [
        { name: 'fleet_set_tenant_ro', text: SET_TENANT_READ_ONLY, values: [tenantId] },
      ];
      const client = await pool.connect();
      try {
        return await fn(createQueryable(client, () => scope));
      } finally {
        client.release();
      }
    },
    query: (text, values) => pool.query(text, values as unknown[]),
    transaction: (fn) => inTransaction([BEGIN], fn),
    sql: builder,
    pool,
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => {
      untrack();
      return pool.end();
    },
  };
}

async function rollbackAndRelease(client: PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (err) {
    client.release(err as Error);
  }
}
