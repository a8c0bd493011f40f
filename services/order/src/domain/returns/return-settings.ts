import type { TenantCtx } from '@fleet/context';
import type { Queryable } from '@fleet/db';
import { findReturnWindow, saveReturnWindow } from '../../data-access/returns.repository';
import type { OrderDeps } from '../order-deps';

/** Days after delivery in which a shopper may ask to return, until the merchant sets another. */
export const DEFAULT_RETURN_WINDOW_DAYS = 30;

export async function returnWindowDays(tx: Queryable): Promise<number> {
  return (await findReturnWindow(tx)) ?? DEFAULT_RETURN_WINDOW_DAYS;
}

export async function getReturnSettings(ctx: TenantCtx, deps: OrderDeps) {
  return { returnWindowDays: await deps.db.readAsTenant(ctx, returnWindowDays) };
}

export async function updateReturnSettings(ctx: TenantCtx, deps: OrderDeps, days: number) {
  await deps.db.withTenant(ctx, (tx) => saveReturnWindow(tx, ctx.tenantId, days));
  return { returnWindowDays: days };
}
