import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is acting: a shopper, merchant staff, a platform admin, or a service/job. */
export interface Actor {
  kind: 'customer' | 'staff' | 'platform_admin' | 'service' | 'anonymous';
  id?: string;
  roles?: string[];
}

/**
 * The context of one request or message. Business code receives it explicitly as `ctx`;
 * AsyncLocalStorage carries the same object only for the logger and the database wrapper.
 */
export interface Ctx {
  requestId: string;
  tenantId?: string;
  actor?: Actor;
  correlationId?: string;
  causationId?: string;
  /** The shopper's or operator's IP as the gateway saw it (for throttling and audit). */
  clientIp?: string;
  /**
   * Set by the gateway on storefront page requests only: the host names no store (`unknown`) or
   * the store is suspended (`suspended`), so the shop renders its own 404 or 503 page.
   */
  storeStatus?: 'unknown' | 'suspended';
}

/** A context that is known to carry a tenant. */
export interface TenantCtx extends Ctx {
  tenantId: string;
}

const storage = new AsyncLocalStorage<Ctx>();

export function runWithContext<T>(ctx: Ctx, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): Ctx | undefined {
  return storage.getStore();
}

export function hasTenant(ctx: Ctx): ctx is TenantCtx {
  return typeof ctx.tenantId === 'string' && ctx.tenantId.length > 0;
}

/** The acting customer (a customer token on this store), or null for guests, staff and services. */
export function customerOf(ctx: Ctx): string | null {
  return ctx.actor?.kind === 'customer' && ctx.actor.id ? ctx.actor.id : null;
}

/** The signed context header between services (signed by callers, checked by each service). */
export * from './context-header';
