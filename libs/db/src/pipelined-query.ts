import Result from 'pg/lib/result';
import { prepareValue } from 'pg/lib/utils';
import type { QueryResult, QueryResultRow } from 'pg';

/** One statement of a pipeline. A `name` makes it a prepared statement parsed once per connection. */
export interface Statement {
  text: string;
  values?: readonly unknown[];
  name?: string;
}

/** The subset of pg's protocol connection this submittable drives. */
interface ProtocolConnection {
  parsedStatements: Record<string, string>;
  stream: { cork?: () => void; uncork?: () => void };
  parse(msg: { text: string; name?: string; types?: number[] }): void;
  bind(msg: { statement?: string; values?: readonly unknown[]; valueMapper: typeof prepareValue }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal?: string }): void;
  sync(): void;
}

type Callback = (err: Error | null, result?: QueryResult) => void;

/** SQLSTATE class 42 is raised while a statement is parsed, except privileges (checked as it runs). */
const PARSE_FAILED = (code: string): boolean => code.startsWith('42') && code !== '42501';
/** The statement exists on the server after all (a connection that lost track of it heals). */
const DUPLICATE_PREPARED_STATEMENT = '42P05';

/**
 * Sends several statements in one network write, closed by a single Sync, and answers with the
 * result of the last one. Without an explicit BEGIN, PostgreSQL runs everything before the Sync
 * as one implicit transaction, so `set_config(..., true)` in the first statement scopes the
 * second one and is gone when it ends: tenant scoping at the cost of one round trip.
 * It is a node-postgres "submittable": pg hands it the connection and forwards protocol events.
 */
export class PipelinedQuery {
  private readonly result = new Result();
  private readonly last: number;
  private index = 0;
  private error: Error | null = null;

  constructor(
    private readonly statements: readonly Statement[],
    public callback: Callback,
  ) {
    this.last = statements.length - 1;
  }

  submit(connection: ProtocolConnection): null {
    connection.stream.cork?.();
    try {
      this.statements.forEach((statement, i) => {
        const parsed =
          statement.name !== undefined && connection.parsedStatements[statement.name] === statement.text;
        if (!parsed) connection.parse({ text: statement.text, name: statement.name, types: [] });
        connection.bind({
          statement: statement.name,
          values: statement.values ?? [],
          valueMapper: prepareValue,
        });
        // Only the last statement's rows are wanted: the others are not described, their rows skipped.
        if (i === this.last) connection.describe({ type: 'P', name: '' });
        connection.execute({});
      });
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: unknown[] }): void {
    this.result.addFields(msg.fields);
  }

  handleDataRow(msg: { fields: unknown[] }): void {
    if (this.error || this.index !== this.last) return;
    try {
      this.result.addRow(this.result.parseRow(msg.fields));
    } catch (err) {
      this.error = err as Error;
    }
  }

  handleCommandComplete(msg: unknown, connection: ProtocolConnection): void {
    if (this.index === this.last) this.result.addCommandComplete(msg);
    const statement = this.statements[this.index];
    if (statement?.name !== undefined) connection.parsedStatements[statement.name] = statement.text;
    this.index += 1;
  }

  handleEmptyQuery(): void {
    this.index += 1;
  }

  handleError(err: Error, connection?: ProtocolConnection): void {
    if (connection) this.rememberParsed(err, connection);
    const callback = this.callback;
    this.callback = () => undefined;
    callback(this.error ?? err);
  }

  /**
   * Statements before the failing one completed and were recorded as parsed. The failing one was
   * parsed too, unless parsing is what failed: record it, or its next use on this connection would
   * parse it again and fail with "already exists" for as long as the connection lives. The server
   * skips everything after it, so those stay unparsed.
   */
  private rememberParsed(err: Error, connection: ProtocolConnection): void {
    const failing = this.statements[this.index];
    const code = (err as Error & { code?: unknown }).code;
    if (failing?.name === undefined || typeof code !== 'string') return;
    if (code === DUPLICATE_PREPARED_STATEMENT || !PARSE_FAILED(code)) {
      connection.parsedStatements[failing.name] = failing.text;
    }
  }

  handleReadyForQuery(): void {
    if (this.error) return this.handleError(this.error);
    this.callback(null, this.result as unknown as QueryResult);
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(): void {}

  handleCopyData(): void {}
}

export type Row = QueryResultRow;
