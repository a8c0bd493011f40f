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
}

export function runPipeline(client: PoolClient, statements: readonly Statement[]): Promise<QueryResult> {
  return new Promise((resolve, reject) => {
    const query = new PipelinedQuery(statements, (err, result) =>
      err ? reject(err) : resolve(result as QueryResult),
    );
    (client as unknown as { query(q: unknown): void }).query(query);
  });
}

/**
 * Builds a Queryable over one connection. `prelude` (BEGIN + set_config, or the set_config of a
 * read) is pipelined in front of statements: once for a transaction, every time for a read scope.
 */
export function createQueryable(
  client: PoolClient,
  prelude: () => readonly Statement[] | undefined,
): Queryable {
  // Statements of one unit of work run one after another, in call order, even when the caller
  // starts several at once: the prelude must go first and a connection runs one query at a time.
  let tail: Promise<unknown> | undefined;
  const send = <R extends QueryResultRow>(sql: Sql, values: readonly unknown[]): Promise<QueryResult<R>> => {
    const statement = typeof sql === 'string' ? { text: sql, values } : { ...sql, values };
    const head = prelude();
    if (!head) return client.query<R>(statement as { text: string; values: unknown[] });
    return runPipeline(client, [...head, statement]) as Promise<QueryResult<R>>;
  };
  const query = <R extends QueryResultRow>(sql: Sql, values: readonly unknown[] = []) => {
    const result = tail ? tail.then(() => send<R>(sql, values)) : send<R>(sql, values);
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
  };
}
