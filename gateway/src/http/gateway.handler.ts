import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Ctx } from '@fleet/context';
import { getRequestContext } from '@fleet/http';
import { CONTEXT_HEADER, signContext, type TenantResolver } from '@fleet/tenancy';
import { classifyHost } from '../domain/host-kind';
import { findRoute, type RouteRule } from '../domain/routes';
import { answerError, suspendedStore, unknownHost, unknownRoute } from './not-found';
import { proxy, type Upstream } from './proxy';

export interface GatewayDeps {
  platformDomain: string;
  signingKey: string;
  resolver: TenantResolver;
  upstreams: Record<string, Upstream>;
  routes: readonly RouteRule[];
}

/** Picks the door from the Host header, the tenant for store hosts, then the upstream by path. */
export function gatewayHandler(deps: GatewayDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const door = classifyHost(req.headers.host, deps.platformDomain);
    if (door.kind === 'invalid') return answerError(req, res, unknownHost());
    let ctx: Ctx = { ...getRequestContext(req), actor: { kind: 'anonymous' } };
    const route = findRoute(deps.routes, door.kind, req.path);

    if (door.kind === 'store') {
      const tenant = await deps.resolver.resolve(door.host);
      if (!tenant) return answerError(req, res, unknownHost());
      if (!route) return answerError(req, res, unknownRoute());
      if (tenant.status === 'suspended' && route.audience === 'shopper')
        return answerError(req, res, suspendedStore());
      ctx = { ...ctx, tenantId: tenant.id };
    }
    if (!route) return next();
    const upstream = deps.upstreams[route.upstream];
    if (!upstream) return answerError(req, res, unknownRoute());
    await proxy(upstream, req, res, {
      [CONTEXT_HEADER]: signContext(ctx, deps.signingKey),
      'x-request-id': ctx.requestId,
    });
  };
}
