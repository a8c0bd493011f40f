import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '@fleet/context';
import type { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, signContext, type TenantResolver, type TenantSnapshot } from '@fleet/tenancy';
import type { RequestRateLimiter } from '../data-access/rate-limiter';
import type { ResponseCache } from '../data-access/response-cache';
import type { UsageCounter } from '../data-access/usage-counter';
import { decideAccess, type Door } from '../domain/access-policy';
import { classifyHost } from '../domain/host-kind';
import type { Principal } from '../domain/principal';
import { findRoute, type RouteRule } from '../domain/routes';
import type { TokenVerifier } from '../domain/token-verifier';
import { webAppFileFor, type WebApps } from '../domain/web-apps';
import { authenticate } from './authenticate';
import { forwardCached, isCacheableRequest } from './cached-forward';
import { applyCors } from './cors';
import {
  accessDenied,
  answerError,
  rateLimited,
  suspendedStore,
  tokenInvalid,
  unknownHost,
  unknownRoute,
} from './problems';
import { forward } from './proxy';
import type { Upstream } from './upstream';
import { sendWebAppFile } from './web-app-response';
import { rateLimitRejections } from './gateway-metrics';

export interface GatewayDeps {
  platformDomain: string;
  signingKey: string;
  resolver: TenantResolver;
  upstreams: Record<string, Upstream>;
  routes: readonly RouteRule[];
  verifier: TokenVerifier;
  limiter: RequestRateLimiter;
  usage: UsageCounter;
  /** Answers of routes with a `cache` stamp name; absent: every request goes upstream. */
  cache?: ResponseCache;
  /** The merchant admin and the platform console, served from memory (before any route). */
  webApps?: WebApps;
}

/** One request as the gateway handles it. */
export interface GatewayExchange {
  req: IncomingMessage;
  res: ServerResponse;
  /** The URL path, without the query string. */
  path: string;
  /** The client as the trusted proxies in front of us describe it (TRUST_PROXY). */
  client: { ip: string; protocol: string };
  /** Filled in as the request goes: tenant, then actor. */
  ctx: Ctx;
  /** The prefix of the route rule that matched: a bounded metric label. */
  routePrefix?: string;
}

/** Served on internal listeners only (the gateway's ops port, each service's own port). */
const OPERATOR_PATHS: ReadonlySet<string> = new Set(['/readyz', '/metrics']);

/**
 * One request through the gateway: the door from the Host header and, on a store host, its
 * tenant; the rate limit (per tenant, else per client IP); CORS; the route; the caller's token
 * against the route and the host; then the upstream, with the context signed.
 */
export async function handleGatewayRequest(deps: GatewayDeps, x: GatewayExchange): Promise<void> {
  const { req, res, path, ctx } = x;
  // Operators' endpoints are never forwarded, whatever upstream a rule (the storefront's `/`) names.
  if (OPERATOR_PATHS.has(path)) return answerError(res, path, unknownRoute());
  const door = classifyHost(req.headers.host, deps.platformDomain);
  if (door.kind === 'invalid') return answerError(res, path, unknownHost());
  const tenant = door.kind === 'store' ? await storeTenant(deps, x, door.host) : null;
  if (tenant === 'limited') return;
  if (door.kind === 'store' && !tenant) {
    // The shop's own "no store here" page when one is served; else the gateway's.
    if (!servesPages(deps, door.kind, path)) return answerError(res, path, unknownHost());
    ctx.storeStatus = 'unknown';
  }
  if (tenant) ctx.tenantId = tenant.id;

  if (tenant) {
    const own = deps.limiter.consumeStoreClient(tenant.id, tenant.plan, x.client.ip);
    if (!own.allowed) return refused(res, path, 'store_client', own.retryAfterSeconds);
  }
  const rate = tenant
    ? await deps.limiter.consumeTenant(tenant.id, tenant.plan)
    : await deps.limiter.consumeClientIp(x.client.ip);
  if (!rate.allowed) return refused(res, path, tenant ? 'tenant' : 'client_ip', rate.retryAfterSeconds);
  if (applyCors(req, res, path, tenant?.hosts ?? [])) return;
  const webApp = deps.webApps && webAppFileFor(deps.webApps, door.kind, path);
  if (webApp) return sendWebAppFile(req, res, path, webApp.app, webApp.file);

  const route = findRoute(deps.routes, door.kind, path);
  if (!route) return answerError(res, path, unknownRoute());
  x.routePrefix = route.prefix;
  if (tenant) deps.usage.count(tenant.id);
  if (tenant?.status === 'suspended' && route.audience === 'shopper') {
    if (!route.pages) return answerError(res, path, suspendedStore());
    ctx.storeStatus = 'suspended';
  }

  const caller = await admit(deps.verifier, req.headers, door.kind, route, tenant?.id);
  if (!caller.ok) return answerError(res, path, caller.error);
  if (caller.principal) {
    ctx.actor = { kind: caller.principal.kind, id: caller.principal.id, roles: caller.principal.roles };
  }
  const upstream = deps.upstreams[route.upstream];
  if (!upstream) return answerError(res, path, unknownRoute());
  // Bound to this upstream, method and path: the header is good for this one request only.
  const target = { audience: route.upstream, method: req.method ?? 'GET', path };
  const signed = () => ({
    [CONTEXT_HEADER]: signContext(ctx, deps.signingKey, target),
    'x-request-id': ctx.requestId,
  });
  // A suspended store's pages are its 503 page, never what was kept while it was open.
  const cachedRoute = route.cache && !ctx.storeStatus ? { cache: route.cache, pages: route.pages } : null;
  if (deps.cache && cachedRoute && tenant && !caller.principal && isCacheableRequest(req))
    return forwardCached(deps.cache, x, upstream, signed, cachedRoute, tenant.id);
  await forward(upstream, req, res, signed(), x.client, tenant?.id ?? door.kind);
}

/**
 * The store host's tenant: from memory when this process knows the host; otherwise the client's
 * unknown-host allowance is spent first (in memory), so a flood of made-up hosts is answered 429
 * before it costs a Redis or registry lookup. 'limited' when that answer was sent.
 */
async function storeTenant(
  deps: GatewayDeps,
  x: GatewayExchange,
  host: string,
): Promise<TenantSnapshot | null | 'limited'> {
  const known = deps.resolver.peek(host);
  if (known) return known;
  const flood = deps.limiter.consumeUnknownHost(x.client.ip);
  if (!flood.allowed) {
    refused(x.res, x.path, 'unknown_host', flood.retryAfterSeconds);
    return 'limited';
  }
  return deps.resolver.resolve(host);
}

/** A storefront page route with its upstream configured. */
function servesPages(deps: GatewayDeps, door: Door, path: string): boolean {
  const route = findRoute(deps.routes, door, path);
  return Boolean(route?.pages && deps.upstreams[route.upstream]);
}

type Admission = { ok: true; principal: Principal | undefined } | { ok: false; error: AppError };

/** The caller's token (if any) checked, then held against the route's role and this host. */
async function admit(
  verifier: TokenVerifier,
  headers: IncomingHttpHeaders,
  door: Door,
  route: RouteRule,
  tenantId: string | undefined,
): Promise<Admission> {
  const auth = await authenticate(headers, verifier);
  if (!auth.ok) return { ok: false, error: tokenInvalid() };
  const decision = decideAccess({ door, auth: route.auth, tenantId, principal: auth.principal });
  if (!decision.ok) return { ok: false, error: accessDenied(decision.code, decision.detail) };
  return { ok: true, principal: auth.principal };
}

/** A 429 from one of the gateway's limits, counted by limit. */
function refused(res: ServerResponse, path: string, limit: string, retryAfterSeconds: number): void {
  rateLimitRejections.inc({ limit });
  answerError(res, path, rateLimited(retryAfterSeconds));
}
