import type { TenantCtx } from '@fleet/context';
import type { ReservationView, ReserveRequest } from '@fleet/contracts';
import type { RemoteResult, ServiceCaller } from './service-http';

/** Inventory's internal reservation API. Every call is keyed by the order id: idempotent. */
export interface InventoryClient {
  reserve(ctx: TenantCtx, request: ReserveRequest): Promise<RemoteResult<ReservationView>>;
  commit(ctx: TenantCtx, reservationId: string): Promise<RemoteResult<ReservationView>>;
  release(ctx: TenantCtx, reservationId: string): Promise<RemoteResult<ReservationView>>;
  restock(ctx: TenantCtx, reservationId: string): Promise<RemoteResult<ReservationView>>;
  get(ctx: TenantCtx, reservationId: string): Promise<RemoteResult<ReservationView>>;
}

export function createInventoryClient(caller: ServiceCaller): InventoryClient {
  const path = (id: string, action = '') =>
    `/internal/reservations/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
  return {
    reserve: (ctx, request) => caller.call(ctx, 'POST', '/internal/reservations', request),
    commit: (ctx, id) => caller.call(ctx, 'POST', path(id, 'commit'), {}),
    release: (ctx, id) => caller.call(ctx, 'POST', path(id, 'release'), {}),
    restock: (ctx, id) => caller.call(ctx, 'POST', path(id, 'restock'), {}),
    get: (ctx, id) => caller.call(ctx, 'GET', path(id)),
  };
}
