import type { ShipmentEventData, ShipmentStatus } from '@fleet/contracts';
import type { Queryable } from '@fleet/db';

export interface TrackingStep {
  status: ShipmentStatus;
  at: string;
}

export interface OrderShipmentRecord {
  id: string;
  carrier: string;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string | null;
  status: ShipmentStatus;
  events: TrackingStep[];
}

/**
 * Applies one shipment event to the read model: the status and tracking fields follow the newest
 * version seen (an older event arriving late changes none of them); its step joins the list.
 */
export async function applyShipmentEvent(
  tx: Queryable,
  tenantId: string,
  data: ShipmentEventData,
  version: number,
): Promise<void> {
  const step = JSON.stringify([{ status: data.status, at: data.occurredAt }]);
  await tx.query(
    `INSERT INTO order_shipments AS s (tenant_id, order_id, shipment_id, carrier, carrier_name,
       tracking_number, tracking_url, status, version, events)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
     ON CONFLICT (tenant_id, order_id, shipment_id) DO UPDATE SET
       status = CASE WHEN EXCLUDED.version > s.version THEN EXCLUDED.status ELSE s.status END,
       tracking_number = CASE WHEN EXCLUDED.version > s.version THEN EXCLUDED.tracking_number ELSE s.tracking_number END,
       tracking_url = CASE WHEN EXCLUDED.version > s.version THEN EXCLUDED.tracking_url ELSE s.tracking_url END,
       version = GREATEST(s.version, EXCLUDED.version),
       events = s.events || EXCLUDED.events,
       updated_at = now()`,
    [
      tenantId,
      data.orderId,
      data.shipmentId,
      data.carrier,
      data.carrierName,
      data.trackingNumber,
      data.trackingUrl,
      data.status,
      version,
      step,
    ],
  );
}

/** The order's shipments, oldest first, each with its steps in time order. */
export async function listOrderShipments(tx: Queryable, orderId: string): Promise<OrderShipmentRecord[]> {
  const rows = await tx.rows<OrderShipmentRecord>(
    `SELECT shipment_id AS id, carrier, carrier_name AS "carrierName", tracking_number AS "trackingNumber",
       tracking_url AS "trackingUrl", status, events
     FROM order_shipments WHERE order_id = $1 ORDER BY shipment_id`,
    [orderId],
  );
  return rows.map((row) => ({ ...row, events: [...row.events].sort((x, y) => x.at.localeCompare(y.at)) }));
}
