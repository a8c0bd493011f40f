import { common, z } from '@fleet/config';
import { TENANT_DATA_SERVICES } from '@fleet/contracts';

/**
 * The services whose tenant data the registry exports and purges, by their `*_URL` (identity's is
 * required below for sign-up). Optional so the registry starts without them; an export or purge
 * then fails naming the missing variable (lifecycle/sources.ts).
 */
// Typed as no keys: the jobs read these through `env` by name, so the config's type need not list them.
const tenantDataUrls: Record<never, z.ZodOptional<z.ZodURL>> = Object.fromEntries(
  TENANT_DATA_SERVICES.filter(({ urlEnv }) => urlEnv !== 'IDENTITY_URL').map(({ service, urlEnv }) => [
    urlEnv,
    z.url().optional().describe(`Base URL of the ${service} service (tenant export and purge).`),
  ]),
);

export const configSchema = z
  .object({
    NODE_ENV: common.NODE_ENV,
    LOG_LEVEL: common.LOG_LEVEL,
    PORT: common.PORT.default(4001),
    BIND_ADDRESS: common.BIND_ADDRESS,
    DATABASE_URL: common.DATABASE_URL,
    RELAY_DATABASE_URL: z
      .url()
      .describe('Postgres URL of the outbox relay role (reads the outbox across tenants only).'),
    DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
    AMQP_URL: common.AMQP_URL,
    AMQP_PREFIX: common.AMQP_PREFIX,
    REDIS_URL: common.REDIS_URL,
    REDIS_PREFIX: common.REDIS_PREFIX,
    INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
    PLATFORM_DOMAIN: common.PLATFORM_DOMAIN,
    IDENTITY_URL: z.url().describe('Base URL of the identity service (creates store owners at sign-up).'),
    PUBLIC_SCHEME: z
      .enum(['http', 'https'])
      .default('http')
      .describe('Scheme of the store URLs given to merchants.'),
    PUBLIC_PORT: z.coerce
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe('Port of the store URLs given to merchants (omit for 80/443).'),
    LIFECYCLE_GRACE_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(30 * 24 * 3600)
      .describe('Seconds between the soft delete of a store and the purge of its data (default 30 days).'),
    DNS_SERVERS: z
      .string()
      .optional()
      .describe(
        'Comma-separated DNS servers (host or host:port) for custom-domain TXT checks; system resolver when unset.',
      ),
  })
  .extend(tenantDataUrls);

export type RegistryConfig = z.infer<typeof configSchema>;
