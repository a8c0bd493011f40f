// The gateway as a library: benchmarks and other workspaces' tests run it in-process.
export { createApp, type GatewayAppDeps } from './app';
export { createGateway, type Gateway, type GatewayOptions } from './bootstrap';
export { configSchema, type GatewayConfig } from './config';
export { ROUTES, findRoute, type RouteRule } from './domain/routes';
export { PLAN_LIMITS, CLIENT_IP_LIMIT, type PlanLimits, type RateLimit } from './domain/plan-limits';
export type { TokenIssuer } from './data-access/token-verifiers';
export { subscribeToTenantEvents } from './messaging/tenant-events.consumer';
export { start } from './start';
