import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Ctx } from '@fleet/context';
import type { AppError } from '@fleet/errors';
import { getRequestContext } from '@fleet/http';
import { CONTEXT_HEADER, signContext, type TenantResolver } from '@fleet/tenancy';
import type { RequestRateLimiter } from '../data-access/rate-limiter';
import type { UsageCounter } from '../data-access/usage-counter';
import { decideAccess, type Door } from '../domain/access-policy';
import { classifyHost } from '../domain/host-kind';
import type { Principal } from '../domain/principal';
import { findRoute, type RouteRule } from '../domain/routes';
import type { TokenVerifier } from '../domain/token-verifier';
import { authenticate } from './authenticate';
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

export interface GatewayDeps {
  platformDomain: string;
  signingKey: string;
  resolver: TenantResolver;
  upstreams: Record<string, Upstream>;
  routes: readonly RouteRule[];
  verifier: TokenVerifier;
  limiter: RequestRateLimiter;
  usage: UsageCounter;
}

/**
 * One request through the gateway: the door from the Host header and, on a store host, its
 * tenant; the rate limit (per tenant, else per client IP); CORS; the route; the caller's token
 * against the route and the host; then the upstream, with the context signed.
 */
export function gatewayHandler(deps: GatewayDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const door = classifyHost(req.headers.host, deps.platformDomain);
    if (door.kind === 'invalid') return answerError(req, res, unknownHost());
    const tenant = door.kind === 'store' ? await deps.resolver.resolve(door.host) : null;
    if (door.kind === 'store' && !tenant) return answerError(req, res, unknownHost());
    const ctx: Ctx = { ...getRequestContext(req), actor: { kind: 'anonymous' }, clientIp: req.ip };
    if (tenant) ctx.tenantId = tenant.id;
    res.locals.ctx = ctx;

    const rate = tenant
      ? await deps.limiter.consumeTenant(tenant.id, tenant.plan)
      : await deps.limiter.consumeClientIp(req.ip ?? 'unknown');
    if (!rate.allowed) return answerError(req, res, rateLimited(rate.retryAfterSeconds));
    if (applyCors(req, res, tenant?.hosts ?? [])) return;

    const route = findRoute(deps.routes, door.kind, req.path);
    if (!route) return tenant ? answerError(req, res, unknownRoute()) : next();
    res.locals.routePrefix = route.prefix;
    if (tenant) deps.usage.count(tenant.id);
    if (tenant?.status === 'suspended' && route.audience === 'shopper')
      return answerError(req, res, suspendedStore());

    const caller = await admit(deps.verifier, req.headers, door.kind, route, tenant?.id);
    if (!caller.ok) return answerError(req, res, caller.error);
    if (caller.principal) {
      ctx.actor = { kind: caller.principal.kind, id: caller.principal.id, roles: caller.principal.roles };
    }
    const upstream = deps.upstreams[route.upstream];
    if (!upstream) return answerError(req, res, unknownRoute());
    await forward(upstream, req, res, {
      [CONTEXT_HEADER]: signContext(ctx, deps.signingKey),
      'x-request-id': ctx.requestId,
    });
  };
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
