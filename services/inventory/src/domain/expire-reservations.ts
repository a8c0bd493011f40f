import type { TenantCtx } from '@fleet/context';
import { INVENTORY_EVENTS } from '@fleet/contracts';
import { appendToOutbox } from '@fleet/messaging';
import { findDueReservations, type DueReservation } from '../data-access/due-reservations';
import { expireIfDue } from '../data-access/reservation.repository';
import { returnHeldStock } from '../data-access/stock-level.repository';
import type { SweepDeps } from './inventory-deps';
import { levelChangedEvents, reservationEvent } from './inventory-events';
import { normalizeLines } from './reservation';

export interface SweepOptions {
  /** Due ids read per scan. Default 100. */
  batchSize?: number;
  /** Scans per sweep, so one sweep stays short. Default 20. */
  maxBatches?: number;
  /** Expiries run at once. Default 4. */
  concurrency?: number;
}

/**
 * Expires every reservation past its expiry: find due ids across tenants, then expire each in
 * its own tenant transaction. Safe with several sweepers at once: the expiry is a conditional,
 * SKIP LOCKED update, so each reservation expires exactly once.
 */
export async function sweepExpiredReservations(deps: SweepDeps, options: SweepOptions = {}) {
  const batchSize = options.batchSize ?? 100;
  const concurrency = options.concurrency ?? 4;
  let expired = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 20); batch++) {
    const due = await findDueReservations(deps.scanDb, batchSize);
    for (let i = 0; i < due.length; i += concurrency) {
      const results = await Promise.all(due.slice(i, i + concurrency).map((r) => expireSafely(deps, r)));
      expired += results.filter(Boolean).length;
    }
    if (due.length < batchSize) break;
  }
  return { expired };
}

async function expireSafely(deps: SweepDeps, due: DueReservation): Promise<boolean> {
  try {
    return await expireReservation(deps, due);
  } catch (err) {
    deps.logger.error({ err, tenantId: due.tenantId, reservationId: due.id }, 'reservation expiry failed');
    return false;
  }
}

/** reserved -> expired, stock back, `inventory.reservation_expired` for the order saga. */
export async function expireReservation(deps: SweepDeps, due: DueReservation): Promise<boolean> {
  const ctx: TenantCtx = {
    requestId: `sweep:${due.id}`,
    tenantId: due.tenantId,
    actor: { kind: 'service', id: 'inventory-sweeper' },
  };
  return deps.db.withTenant(ctx, async (tx) => {
    const expired = await expireIfDue(tx, due.tenantId, due.id);
    if (!expired) return false;
    const held = await returnHeldStock(tx, due.tenantId, due.id);
    const lines = normalizeLines(held);
    await appendToOutbox(tx, [
      reservationEvent(ctx, INVENTORY_EVENTS.expired, expired, lines),
      ...levelChangedEvents(ctx, held),
    ]);
    return true;
  });
}
