import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { hasTenant, type TenantCtx } from '@fleet/context';
import { requestCtx } from '@fleet/tenancy';
import type { PageStamps } from '../data-access/cache-stamps';
import type { Category, Collection } from '../data-access/catalog.client';
import type { CallCtx } from '../data-access/internal-call';
import type { StoreInfo } from '../data-access/registry.client';
import { StampedCache } from '../data-access/stamped-cache';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { themeSettings } from '../domain/theme-settings';
import { loadSession, type Session } from './session';

/** One shopper request on a store host, as every page handler gets it (`res.locals.shop`). */
export interface Shop {
  tenant: TenantCtx;
  /** The context the storefront calls services with: the tenant and the shopper (customer or anonymous). */
  call: CallCtx;
  session: Session;
  info: StoreInfo;
  settings: Record<string, unknown>;
  /** `https://acme.example.com`: the store's own host, for canonical URLs. */
  origin: string;
  testMode: boolean;
  stamps: PageStamps | null;
  /** Changes when the store's settings do: part of every page cache key. */
  infoVersion: string;
}

const INFO_TTL_MS = 5_000;
const MAX_INFOS = 2_000;

/**
 * Store info per tenant for a few seconds while the tenant's `store` stamp is unchanged: tenancy
 * renews it after a settings change, so the change shows on the next request.
 */
const infos = new Map<string, { at: number; stamp: string | null; info: StoreInfo; version: string }>();

export const shopOf = (res: Response): Shop => res.locals.shop as Shop;

/** The host the shopper used, as the gateway forwarded it. */
export function hostOf(req: Request): string {
  const forwarded = req.headers['x-forwarded-host'];
  const host = (typeof forwarded === 'string' && forwarded) || req.headers.host || '';
  return host.toLowerCase();
}

export function originOf(req: Request): string {
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http';
  return `${proto}://${hostOf(req)}`;
}

/**
 * Builds `res.locals.shop` for a store host: the tenant from the gateway's signed context, the
 * shopper's session from cookies, the store's info and theme settings. Pages on an unknown host
 * or a suspended store never get here (see pages.routes.ts).
 */
export function shopMiddleware(deps: StorefrontDeps) {
  const schema = JSON.parse(deps.themes.defaults.get('config/settings_schema.json') ?? '[]') as unknown;
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const ctx = requestCtx(res);
    if (!hasTenant(ctx)) return next('router');
    const session = loadSession(req, res, deps.sealer, ctx.tenantId);
    const call: CallCtx = {
      requestId: ctx.requestId,
      tenantId: ctx.tenantId,
      clientIp: ctx.clientIp,
      actor: session.actor(),
    };
    const stamps = await deps.stamps.read(ctx.tenantId);
    const cached = await storeInfo(deps, ctx as TenantCtx, stamps?.store ?? null);
    const { info, version } = cached;
    res.locals.shop = {
      tenant: ctx,
      call,
      session,
      info,
      settings: themeSettings(schema, info.theme),
      origin: originOf(req),
      testMode: info.testMode ?? info.payment.provider === 'offline',
      stamps,
      infoVersion: version,
    } satisfies Shop;
    next();
  };
}

async function storeInfo(
  deps: StorefrontDeps,
  ctx: TenantCtx,
  stamp: string | null,
): Promise<{ info: StoreInfo; version: string }> {
  const known = infos.get(ctx.tenantId);
  if (known && known.stamp === stamp && Date.now() - known.at < INFO_TTL_MS) return known;
  const info = (await deps.registry.storeInfo(ctx)) ?? {
    name: 'Store',
    currency: 'USD',
    theme: {},
    payment: { provider: 'offline' },
  };
  const entry = {
    at: Date.now(),
    stamp,
    info,
    version: createHash('sha1').update(JSON.stringify(info)).digest('base64url').slice(0, 12),
  };
  infos.delete(ctx.tenantId);
  infos.set(ctx.tenantId, entry);
  if (infos.size > MAX_INFOS) infos.delete(infos.keys().next().value as string);
  return entry;
}

/** The category tree for the navigation, per tenant while its catalog stamp holds. */
const navs = new StampedCache<Category[]>(MAX_INFOS);

export function navCategories(deps: StorefrontDeps, shop: Shop): Promise<Category[]> {
  return navs.get(shop.tenant.tenantId, shop.stamps?.catalog, () => deps.catalog.categories(shop.call));
}

/** Meta descriptions are cut to this: the cache keeps no more of a collection's description. */
export const META_DESCRIPTION_MAX = 160;

/**
 * The store's collections (creation order), per tenant while its catalog stamp holds: catalog
 * renews the stamp after every write, collections and product links to them included.
 */
const collectionLists = new StampedCache<Collection[]>(MAX_INFOS);

export function storeCollections(deps: StorefrontDeps, shop: Shop): Promise<Collection[]> {
  return collectionLists.get(shop.tenant.tenantId, shop.stamps?.catalog, async () =>
    (await deps.catalog.collections(shop.call)).map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      description: c.description.slice(0, META_DESCRIPTION_MAX),
    })),
  );
}
