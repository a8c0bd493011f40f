import type { TenantCtx } from '@fleet/context';
import { decodeKeysetCursor, encodeKeysetCursor } from '@fleet/db';
import { listDeliveries, type DeliveryRow, type DeliveryStatus } from '../data-access/delivery.repository';
import type { NotificationDeps } from './notification-deps';

export interface DeliveryQuery {
  status?: DeliveryStatus;
  type?: string;
  limit: number;
  cursor?: string;
}

const CURSOR = [{ tag: 'dlv' }, 'timestamp', 'id'] as const;

/** The merchant's view of a delivery: never its data (a one-time token may still be in it). */
const toView = (row: DeliveryRow) => ({
  id: row.id,
  type: row.type,
  recipient: row.recipient,
  status: row.status,
  subject: row.subject,
  attempts: row.attempts,
  lastError: row.last_error,
  templateError: row.template_error,
  eventId: row.event_id,
  createdAt: row.created_at.toISOString(),
  sentAt: row.sent_at ? row.sent_at.toISOString() : null,
});

/** The store's deliveries, newest first. */
export async function listDeliveryPage(ctx: TenantCtx, deps: NotificationDeps, query: DeliveryQuery) {
  const after = query.cursor ? decodeKeysetCursor(query.cursor, CURSOR) : undefined;
  const rows = await deps.db.readAsTenant(ctx, (tx) =>
    listDeliveries(tx, ctx.tenantId, {
      status: query.status,
      type: query.type,
      after: after && { createdAt: after[1], id: after[2] },
      limit: query.limit + 1,
    }),
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toView),
    nextCursor:
      rows.length > query.limit && last
        ? encodeKeysetCursor(['dlv', last.created_at.toISOString(), last.id])
        : null,
  };
}
