import type { PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { Knex } from 'knex';
import { PipelinedQuery, type Statement } from './pipelined-query';

/**
 * SQL text, or a named statement that each connection prepares once and then only binds:
 * use `prepared('product-by-id', 'SELECT …')` for hot reads.
 */
export type Sql = string | { name: string; text: string };

export const prepared = (name: string, text: string): Sql => ({ name, text });

/** What a unit of work can do with the database. Raw SQL with `$n` params, or a knex builder. */
export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(
    sql: Sql,
    values?: readonly unknown[],
  ): Promise<QueryResult<R>>;
  /** All rows. */
  rows<R extends QueryResultRow = QueryResultRow>(sql: Sql, values?: readonly unknown[]): Promise<R[]>;
  /** The first row, or undefined. */
  maybeOne<R extends QueryResultRow = QueryResultRow>(
    sql: Sql,
    values?: readonly unknown[],
  ): Promise<R | undefined>;
  /** Runs a knex query builder (built with `db.sql`, never executed by knex itself). */
  run<R extends QueryResultRow = QueryResultRow>(builder: Knex.QueryBuilder | Knex.Raw): Promise<R[]>;
  /**
   * Queues a write whose result the unit of work does not need (an outbox append, a history row).
   * It goes out in the same network write as the next statement, or as COMMIT: no round trip of
   * its own. Statements still run in call order. If it fails, that next statement or the commit
   * fails with its error and the transaction rolls back. Transactions only: a read scope throws.
   */
  defer(sql: Sql, values?: readonly unknown[]): void;
}

/** A transaction's Queryable, with what the transaction runner needs to commit it. */
export interface TxQueryable extends Queryable {
  /**
   * What must precede COMMIT: the deferred statements not sent yet (removed from the queue), behind
   * the prelude if nothing was sent at all. Empty when there is nothing to send.
   */
  takePending(): Statement[];
}

export function runPipeline(client: PoolClient, statements: readonly Statement[]): Promise<QueryResult> {
  return new Promise((resolve, reject) => {
    const query = new PipelinedQuery(statements, (err, result) =>
      err ? reject(err) : resolve(result as QueryResult),
    );
    (client as unknown as { query(q: unknown): void }).query(query);
  });
}

const statementOf = (sql: Sql, values: readonly unknown[]): Statement =>
  typeof sql === 'string' ? { text: sql, values } : { ...sql, values };

/**
 * Builds a Queryable over one connection. `prelude` (BEGIN + set_config, or the set_config of a
 * read) is pipelined in front of statements: once for a transaction, every time for a read scope.
 * `deferrable` (transactions) lets the unit of work queue writes with `defer`.
 */
export function createQueryable(
  client: PoolClient,
  prelude: () => readonly Statement[] | undefined,
  { deferrable = false } = {},
): TxQueryable {
  // Statements of one unit of work run one after another, in call order, even when the caller
  // starts several at once: the prelude must go first and a connection runs one query at a time.
  let tail: Promise<unknown> | undefined;
  // Deferred writes not yet claimed by a statement; a statement claims them when it is called, so
  // they run after every statement called before them and before this one.
  let deferred: Statement[] = [];
  const send = <R extends QueryResultRow>(statement: Statement, before: readonly Statement[]) => {
    const head = [...(prelude() ?? []), ...before];
    if (head.length === 0) return client.query<R>(statement as { text: string; values: unknown[] });
    return runPipeline(client, [...head, statement]) as Promise<QueryResult<R>>;
  };
  const query = <R extends QueryResultRow>(sql: Sql, values: readonly unknown[] = []) => {
    const statement = statementOf(sql, values);
    const before = deferred;
    deferred = [];
    const result = tail ? tail.then(() => send<R>(statement, before)) : send<R>(statement, before);
    const settled: Promise<unknown> = result.then(
      () => (tail === settled ? (tail = undefined) : undefined),
      () => (tail === settled ? (tail = undefined) : undefined),
    );
    tail = settled;
    return result;
  };
  return {
    query,
    rows: async (text, values) => (await query(text, values)).rows as never,
    maybeOne: async (text, values) => (await query(text, values)).rows[0] as never,
    run: async (builder) => {
      const { sql, bindings } = builder.toSQL().toNative();
      return (await query(sql, bindings)).rows as never;
    },
    defer(sql, values = []) {
      if (!deferrable) throw new Error('defer() needs a transaction: a read scope has nothing to commit');
      deferred.push(statementOf(sql, values));
    },
    takePending() {
      if (deferred.length === 0) return [];
      const pending = [...(prelude() ?? []), ...deferred];
      deferred = [];
      return pending;
    },
  };
}
