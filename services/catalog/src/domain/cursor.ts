import { decodeKeysetCursor, encodeKeysetCursor } from '@fleet/db';

/**
 * Opaque keyset cursors: base64url of `[kind, key, id]`, where `key` is the sort value of the last
 * item and `id` breaks ties. The kind ties a cursor to the listing (and sort) that issued it. Every
 * value is checked strictly (`@fleet/db` keyset-cursor) before it reaches SQL: a forged cursor is
 * a 400 naming `cursor`, never a Postgres error.
 */
export type KeyType = 'date' | 'int' | 'none';

export function encodeCursor(kind: string, key: string | number | null, id: string): string {
  return encodeKeysetCursor([kind, key, id]);
}

const FIELD = { date: 'timestamp', int: 'int4', none: 'null' } as const;

export function decodeCursor<K extends KeyType>(
  kind: string,
  keyType: K,
  cursor: string,
): { key: K extends 'int' ? number : K extends 'date' ? string : null; id: string } {
  const [, key, id] = decodeKeysetCursor(cursor, [{ tag: kind }, FIELD[keyType], 'id'] as const);
  return { key: key as never, id };
}

/** The page and the next cursor from `limit + 1` rows. */
export function pageOf<R>(
  rows: R[],
  limit: number,
  cursorOf: (last: R) => string,
): { items: R[]; nextCursor: string | null } {
  const items = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
