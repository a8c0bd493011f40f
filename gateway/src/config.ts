import { common, z } from '@fleet/config';

/** `TRUST_PROXY` as express's `trust proxy` takes it: false, true, a hop count, or addresses. */
const trustProxy = z
  .string()
  .default('false')
  .transform((raw): boolean | number | string[] => {
    const value = raw.trim();
    if (value === '' || value === 'false') return false;
    if (value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((part) => part.trim());
  })
  .describe(
    "Which proxies in front of the gateway to trust for the client IP (X-Forwarded-For): 'false' (none, " +
      "the default), 'true' (all), a hop count such as '1', or addresses/CIDRs/'loopback,uniquelocal'.",
  );

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);

export const configSchema = z
  .object({
    NODE_ENV: common.NODE_ENV,
    LOG_LEVEL: common.LOG_LEVEL,
    PORT: common.PORT.default(8080).describe('The public HTTP port: every store, the console and the apex.'),
    BIND_ADDRESS: z
      .string()
      .min(1)
      .optional()
      .describe('Address the public port binds to; unset: every interface (it is the public door).'),
    OPS_PORT: common.PORT.default(9080).describe(
      'Internal port of the operations endpoints (/healthz, /readyz, /metrics): never the public one.',
    ),
    OPS_BIND_ADDRESS: common.BIND_ADDRESS.describe(
      'Address the ops port binds to: loopback by default; containers set 0.0.0.0 for probes and scrapes.',
    ),
    PLATFORM_DOMAIN: common.PLATFORM_DOMAIN,
    REDIS_URL: common.REDIS_URL,
    REDIS_PREFIX: common.REDIS_PREFIX,
    AMQP_URL: common.AMQP_URL,
    AMQP_PREFIX: common.AMQP_PREFIX,
    INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
    TENANCY_URL: z.url().describe('Base URL of the tenant registry service.'),
    CATALOG_URL: z.url().describe('Base URL of the catalog service.'),
    SEARCH_URL: z.url().describe('Base URL of the search service.'),
    CART_URL: z.url().describe('Base URL of the cart service.'),
    CHECKOUT_URL: z.url().describe('Base URL of the checkout service.'),
    ORDER_URL: z.url().describe('Base URL of the order service.'),
    INVENTORY_URL: z.url().describe('Base URL of the inventory service.'),
    PAYMENT_URL: z.url().describe('Base URL of the payment service.'),
    ENGAGEMENT_URL: z
      .url()
      .optional()
      .describe(
        'Base URL of the engagement service (wishlists, reviews, recommendations). Unset: those routes are 404.',
      ),
    SHIPMENT_URL: z
      .url()
      .optional()
      .describe('Base URL of the shipment service (carrier setting, shipments). Unset: those paths are 404.'),
    NOTIFICATION_URL: z
      .url()
      .optional()
      .describe(
        'Base URL of the notification service (the merchant’s e-mail settings). Unset: those paths are 404.',
      ),
    STOREFRONT_URL: z
      .url()
      .optional()
      .describe(
        'Base URL of the storefront service: every non-/api path on store and apex hosts. Unset: those paths are 404.',
      ),
    IDENTITY_URL: z
      .url()
      .describe(
        'Base URL of the identity service: the auth routes are proxied to it and, unless Keycloak is ' +
          'configured, access tokens are verified against its keys at /.well-known/jwks.json.',
      ),
    IDENTITY_ISSUER: z
      .string()
      .min(1)
      .default('http://identity.fleet.internal')
      .describe('The `iss` the identity service puts in its access tokens; any other issuer is refused.'),
    KEYCLOAK_URL: z
      .url()
      .optional()
      .describe(
        'Keycloak base URL (e.g. http://keycloak:8080). With KEYCLOAK_REALM set, access tokens are ' +
          'verified against that realm instead of the identity service.',
      ),
    KEYCLOAK_REALM: z.string().min(1).optional().describe('Keycloak realm whose access tokens are accepted.'),
    KEYCLOAK_ISSUER: z
      .url()
      .optional()
      .describe(
        'The `iss` of the realm when it differs from KEYCLOAK_URL/realms/KEYCLOAK_REALM (Keycloak reached ' +
          'on an internal address while browsers use its public hostname). Defaults to that URL.',
      ),
    KEYCLOAK_TENANT_CLAIM: z
      .string()
      .min(1)
      .default('tenant_id')
      .describe('Access-token claim that names the tenant: a tenant id (ten_...) or a store slug.'),
    KEYCLOAK_AUDIENCE: z
      .string()
      .min(1)
      .optional()
      .describe('When set, Keycloak access tokens must carry this audience (`aud`).'),
    UPSTREAM_TIMEOUT_MS: milliseconds(5_000).describe(
      'How long an upstream may take to send its response headers, and then between two body chunks.',
    ),
    UPSTREAM_RETRIES: z.coerce
      .number()
      .int()
      .min(0)
      .max(2)
      .default(1)
      .describe('Retries of an idempotent read (GET/HEAD) after a connection error or a 5xx (0-2).'),
    RESPONSE_CACHE_MB: z.coerce
      .number()
      .int()
      .min(0)
      .max(4096)
      .default(64)
      .describe(
        'Memory for cached storefront answers (catalog reads, checked against a per-tenant stamp in Redis on every request); 0 turns the cache off.',
      ),
    RESPONSE_CACHE_MAX_AGE_MS: milliseconds(30_000).describe(
      'Backstop age of a cached answer, should a service fail to renew its stamp after a write.',
    ),
    CIRCUIT_RESET_TIMEOUT_MS: milliseconds(10_000).describe(
      'How long an open circuit fails fast before letting trial calls through to the upstream.',
    ),
    TRUST_PROXY: trustProxy,
    STORE_CLIENT_SHARE: z.coerce
      .number()
      .gt(0)
      .max(1)
      .default(0.2)
      .describe(
        "The part of a store's rate limit one client (IPv4 address, IPv6 /64) may use, per gateway process; 1 turns the per-client limit off.",
      ),
    WEB_DIR: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Folder holding the built web apps (admin/dist, console/dist); default: the repository's web/. " +
          'An app that is not built there is not served.',
      ),
  })
  .refine((c) => Boolean(c.KEYCLOAK_URL) === Boolean(c.KEYCLOAK_REALM), {
    message: 'KEYCLOAK_URL and KEYCLOAK_REALM are set together or not at all',
    path: ['KEYCLOAK_REALM'],
  })
  .refine((c) => c.OPS_PORT === 0 || c.OPS_PORT !== c.PORT, {
    message: 'must differ from PORT: the operations endpoints are never on the public port',
    path: ['OPS_PORT'],
  })
  .refine((c) => c.CIRCUIT_RESET_TIMEOUT_MS > c.UPSTREAM_TIMEOUT_MS, {
    message: 'must be longer than UPSTREAM_TIMEOUT_MS',
    path: ['CIRCUIT_RESET_TIMEOUT_MS'],
  });

export type GatewayConfig = z.infer<typeof configSchema>;
