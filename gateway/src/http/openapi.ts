import type { RouteRule } from '../domain/routes';

const DOORS: Record<RouteRule['door'], string> = {
  apex: 'the apex host `{PLATFORM_DOMAIN}`',
  console: 'the console host `console.{PLATFORM_DOMAIN}`',
  store: 'a store host `{slug}.{PLATFORM_DOMAIN}` or a verified custom domain',
};

/**
 * The public API as an OpenAPI 3.1 document built from the route table, so it always lists what
 * the gateway really serves: each path prefix with its host, audience and required role. Request
 * and response shapes are documented per service (its README) and in ../shared/API.md.
 */
export function openApiDocument(routes: readonly RouteRule[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const rule of routes) {
    if (rule.pages) continue; // HTML pages, not API
    paths[`${rule.prefix}/*`] = {
      summary: `${rule.upstream} service, on ${rule.door} hosts`,
      description: `Served on ${DOORS[rule.door]}. Audience: ${rule.audience}. Longest prefix wins.`,
      'x-fleet-door': rule.door,
      'x-fleet-upstream': rule.upstream,
      ...(rule.auth === 'public' ? {} : { security: [{ bearer: [rule.auth] }], 'x-fleet-role': rule.auth }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Fleet public API',
      version: '0.1.0',
      description:
        'Every request is routed by its Host header. Errors are application/problem+json (RFC 9457). ' +
        'Money is integer minor units with an ISO 4217 currency. Lists are {items, nextCursor}.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
  };
}
