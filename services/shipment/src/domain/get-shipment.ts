import type { TenantCtx } from '@fleet/context';
import type { ShipmentStatus } from '@fleet/contracts';
import { decodeKeysetCursor, encodeKeysetCursor, type Queryable } from '@fleet/db';
import {
  findShipment,
  listShipments,
  listTrackingEvents,
  type ShipmentRow,
  type TrackingEventRow,
} from '../data-access/shipment.repository';
import type { ShipmentDeps } from './shipment-deps';
import { shipmentNotFound } from './shipment-errors';

export interface ShipmentView {
  id: string;
  orderId: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: ShipmentStatus;
  createdAt: string;
  updatedAt: string;
  events: Array<{ status: ShipmentStatus; description: string; source: string; at: string }>;
}

function viewOf(row: ShipmentRow, events: readonly TrackingEventRow[]): ShipmentView {
  return {
    id: row.id,
    orderId: row.orderId,
    carrier: row.carrier,
    carrierName: row.carrierName,
    trackingNumber: row.trackingNumber,
    trackingUrl: row.trackingUrl,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    events: events
      .filter((e) => e.shipmentId === row.id)
      .map((e) => ({
        status: e.status,
        description: e.description,
        source: e.source,
        at: e.occurredAt.toISOString(),
      })),
  };
}

export async function readShipment(tx: Queryable, id: string): Promise<ShipmentView> {
  const row = await findShipment(tx, id);
  if (!row) throw shipmentNotFound();
  return viewOf(row, await listTrackingEvents(tx, [row.id]));
}

export function getShipment(ctx: TenantCtx, deps: ShipmentDeps, id: string): Promise<ShipmentView> {
  return deps.db.readAsTenant(ctx, (tx) => readShipment(tx, id));
}

export interface ShipmentListInput {
  orderId?: string;
  status?: ShipmentStatus;
  limit: number;
  cursor?: string;
}

const CURSOR = ['id'] as const;

export async function listShipmentPage(
  ctx: TenantCtx,
  deps: ShipmentDeps,
  input: ShipmentListInput,
): Promise<{ items: ShipmentView[]; nextCursor: string | null }> {
  const beforeId = input.cursor === undefined ? undefined : decodeKeysetCursor(input.cursor, CURSOR)[0];
  return deps.db.readAsTenant(ctx, async (tx) => {
    const rows = await listShipments(tx, { ...input, beforeId, limit: input.limit + 1 });
    const page = rows.slice(0, input.limit);
    const events = await listTrackingEvents(
      tx,
      page.map((r) => r.id),
    );
    const last = page[page.length - 1];
    return {
      items: page.map((row) => viewOf(row, events)),
      nextCursor: rows.length > input.limit && last ? encodeKeysetCursor([last.id]) : null,
    };
  });
}
