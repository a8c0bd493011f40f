// Minimal typings for the two node-postgres internals the pipelined query reuses, so rows are
// parsed exactly as `pg` parses them (same type parsers, same row shape).
declare module 'pg/lib/result' {
  import type { FieldDef } from 'pg';
  class Result {
    constructor(rowMode?: string, types?: unknown);
    command: string | null;
    rowCount: number | null;
    rows: unknown[];
    fields: FieldDef[];
    addFields(fields: unknown[]): void;
    parseRow(fields: unknown[]): unknown;
    addRow(row: unknown): void;
    addCommandComplete(msg: unknown): void;
  }
  export = Result;
}
declare module 'pg/lib/utils' {
  export function prepareValue(value: unknown): unknown;
}
