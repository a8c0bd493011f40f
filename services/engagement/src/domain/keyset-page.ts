import { decodeKeysetCursor, encodeKeysetCursor } from '@fleet/db';

/** Newest-first listings page on (timestamp, id); `tag` ties a cursor to the listing that issued it. */
export interface After {
  at: string;
  id: string;
}

export function decodeAfter(tag: string, cursor: string | undefined): After | undefined {
  if (!cursor) return undefined;
  const [, at, id] = decodeKeysetCursor(cursor, [{ tag }, 'timestamp', 'id'] as const);
  return { at, id };
}

/** `rows` were read with `limit + 1`: the extra row only says that a next page exists. */
export function keysetPage<R, T>(
  tag: string,
  rows: readonly R[],
  limit: number,
  keyOf: (row: R) => After,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const next = rows.length > limit && last ? keyOf(last) : undefined;
  return {
    items: shown.map(map),
    nextCursor: next ? encodeKeysetCursor([tag, next.at, next.id]) : null,
  };
}
