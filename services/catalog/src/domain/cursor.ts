import { AppError } from '@fleet/errors';

/**
 * Opaque keyset cursors: base64url of `[kind, key, id]`, where `key` is the sort value of the last
 * item and `id` breaks ties. The kind ties a cursor to the listing (and sort) that issued it.
 */
export type KeyType = 'date' | 'int' | 'none';

export function encodeCursor(kind: string, key: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([kind, key, id])).toString('base64url');
}

export function decodeCursor<K extends KeyType>(
  kind: string,
  keyType: K,
  cursor: string,
): { key: K extends 'int' ? number : K extends 'date' ? string : null; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (Array.isArray(value) && value.length === 3 && value[0] === kind && typeof value[2] === 'string') {
    const key: unknown = value[1];
    const valid =
      (keyType === 'int' && Number.isSafeInteger(key)) ||
      (keyType === 'date' && typeof key === 'string' && !Number.isNaN(Date.parse(key))) ||
      (keyType === 'none' && key === null);
    if (valid && value[2].length <= 64) return { key: key as never, id: value[2] };
  }
  throw new AppError('validation', 'The cursor is not one this listing issued.', {
    code: 'invalid_cursor',
    errors: [{ path: 'cursor', message: 'is invalid for this listing' }],
  });
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
