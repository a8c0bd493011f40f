import type { Ctx } from '@fleet/context';
import { decodeKeysetCursor, encodeKeysetCursor, type Db } from '@fleet/db';
import { assertPlatformAdmin } from '@fleet/tenancy';
import { listDiscards, type DeadLetterDiscard } from '../data-access/dead-letter-discard.repository';

/** Discarded dead letters with their reasons, newest first, server paged. */
export async function listDiscardedDeadLetters(
  ctx: Ctx,
  deps: { db: Db },
  query: { limit: number; cursor?: string },
): Promise<{ items: DeadLetterDiscard[]; nextCursor: string | null }> {
  assertPlatformAdmin(ctx);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await deps.db.transaction((tx) => listDiscards(tx, { limit: query.limit, after }));
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeKeysetCursor([last.discardedAt, last.id]) : null,
  };
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = decodeKeysetCursor(cursor, ['timestamp', 'id'] as const);
  return { at, id };
}
