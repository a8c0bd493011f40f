import type { ShipmentStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';

export interface ShipmentRow {
  id: string;
  orderId: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: ShipmentStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TrackingEventRow {
  shipmentId: string;
  seq: number;
  status: ShipmentStatus;
  description: string;
  source: 'system' | 'merchant' | 'carrier';
  occurredAt: Date;
}

const COLUMNS = `id, order_id AS "orderId", carrier, carrier_name AS "carrierName",
  tracking_number AS "trackingNumber", tracking_url AS "trackingUrl", status, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Inserts the order's shipment; undefined when the order already has one (a redelivery). */
export function insertShipment(
  tx: Queryable,
  tenantId: string,
  row: Omit<ShipmentRow, 'version' | 'createdAt' | 'updatedAt' | 'status'>,
): Promise<ShipmentRow | undefined> {
  return tx.maybeOne<ShipmentRow>(
    `INSERT INTO shipments (tenant_id, id, order_id, carrier, carrier_name, tracking_number, tracking_url, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'CREATED')
     ON CONFLICT (tenant_id, order_id) DO NOTHING RETURNING ${COLUMNS}`,
    [tenantId, row.id, row.orderId, row.carrier, row.carrierName, row.trackingNumber, row.trackingUrl],
  );
}

export function findShipment(tx: Queryable, id: string, forUpdate = false): Promise<ShipmentRow | undefined> {
  return tx.maybeOne<ShipmentRow>(
    `SELECT ${COLUMNS} FROM shipments WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
}

export interface ShipmentFilter {
  orderId?: string;
  status?: ShipmentStatus;
  /** Ids below this one (the previous page's last). */
  beforeId?: string;
  limit: number;
}

/** Newest first (ids sort by creation time). */
export function listShipments(tx: Queryable, filter: ShipmentFilter): Promise<ShipmentRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    values.push(value);
    where.push(clause.replace('?', `$${values.length}`));
  };
  if (filter.orderId !== undefined) add('order_id = ?', filter.orderId);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.beforeId !== undefined) add('id < ?', filter.beforeId);
  values.push(filter.limit);
  return tx.rows<ShipmentRow>(
    `SELECT ${COLUMNS} FROM shipments ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY id DESC LIMIT $${values.length}`,
    values,
  );
}

/** Moves a locked shipment to `status`, bumping its version. */
export function updateShipmentStatus(
  tx: Queryable,
  id: string,
  status: ShipmentStatus,
): Promise<ShipmentRow | undefined> {
  return tx.maybeOne<ShipmentRow>(
    `UPDATE shipments SET status = $2, version = version + 1, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status],
  );
}

/** Appends a tracking event after the shipment's last one. */
export async function appendTrackingEvent(
  tx: Queryable,
  tenantId: string,
  event: Omit<TrackingEventRow, 'seq' | 'occurredAt'>,
): Promise<void> {
  await tx.query(
    `INSERT INTO shipment_events (tenant_id, shipment_id, seq, status, description, source)
     SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3, $4, $5 FROM shipment_events WHERE shipment_id = $2`,
    [tenantId, event.shipmentId, event.status, event.description, event.source],
  );
}

/** The tracking events of these shipments, oldest first. */
export function listTrackingEvents(
  tx: Queryable,
  shipmentIds: readonly string[],
): Promise<TrackingEventRow[]> {
  if (shipmentIds.length === 0) return Promise.resolve([]);
  return tx.rows<TrackingEventRow>(
    `SELECT shipment_id AS "shipmentId", seq, status, description, source, occurred_at AS "occurredAt"
     FROM shipment_events WHERE shipment_id = ANY($1::text[]) ORDER BY shipment_id, seq`,
    [shipmentIds],
  );
}
