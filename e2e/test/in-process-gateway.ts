import Redis from 'ioredis';
import { createGateway, subscribeToTenantEvents, type Gateway } from '@fleet/gateway';
import { startHttpServer, type RunningHttpServer } from '@fleet/http';
import { createRegistryClient, createTenantResolver } from '@fleet/tenancy';
import { requestAs, type HostResponse } from '@fleet/testing';
import { DOMAIN, ISSUER, KEY, type Platform } from './platform-harness';

export interface InProcessGateway {
  gateway: Gateway;
  server: RunningHttpServer;
  /** A request through the gateway as a browser on `host` sends it. */
  at(
    host: string,
    path: string,
    init?: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<HostResponse>;
  close(): Promise<void>;
}

/**
 * The real gateway in front of a platform harness's registry and identity: it resolves hosts
 * through the registry (LRU, Redis, tenant events), signs the context, and proxies by door.
 */
export async function startGatewayFor(p: Platform): Promise<InProcessGateway> {
  const redis = new Redis(p.redis.url, { maxRetriesPerRequest: 2 });
  const registry = createRegistryClient({ baseUrl: p.registry.url, signingKey: KEY, caller: 'gateway' });
  const resolver = createTenantResolver({
    fetchByHost: (host) => registry.fetchByHost(host),
    redis,
    redisPrefix: p.redis.prefix,
  });
  await subscribeToTenantEvents(p.broker, resolver);
  const gateway = createGateway({
    logger: p.logger,
    platformDomain: DOMAIN,
    signingKey: KEY,
    resolver,
    redis,
    redisPrefix: p.redis.prefix,
    upstreamUrls: { tenancy: p.registry.url, identity: p.identity.url },
    tokenIssuer: { kind: 'identity', url: p.identity.url, issuer: ISSUER },
  });
  const server = await startHttpServer(gateway.app, { port: 0, logger: p.logger });
  return {
    gateway,
    server,
    at: (host, path, init = {}) =>
      requestAs(host, `${server.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          'content-type': 'application/json',
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    async close() {
      await server.close();
      await gateway.close();
      await redis.quit();
    },
  };
}
