import { common, secret, z } from '@fleet/config';
import { PASSWORD_HASH_COST } from './domain/password';

export const configSchema = z
  .object({
    NODE_ENV: common.NODE_ENV,
    LOG_LEVEL: common.LOG_LEVEL,
    PORT: common.PORT.default(4002),
    BIND_ADDRESS: common.BIND_ADDRESS,
    DATABASE_URL: common.DATABASE_URL,
    DATABASE_POOL_SIZE: common.DATABASE_POOL_SIZE,
    RELAY_DATABASE_URL: z
      .url()
      .describe('Postgres URL of the outbox relay role (reads the outbox across tenants only).'),
    AMQP_URL: common.AMQP_URL,
    AMQP_PREFIX: common.AMQP_PREFIX,
    REDIS_URL: common.REDIS_URL,
    REDIS_PREFIX: common.REDIS_PREFIX,
    INTERNAL_SIGNING_KEY: common.INTERNAL_SIGNING_KEY,
    IDENTITY_ISSUER: z
      .url()
      .default('http://identity.fleet.internal')
      .describe('The `iss` claim of every access token; verifiers must expect exactly this value.'),
    IDENTITY_KEY_ENCRYPTION_KEY: secret(
      z
        .string()
        .min(32)
        .describe('Secret (32+ chars) that encrypts the private signing keys at rest (AES-256-GCM).'),
    ),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(86_400)
      .default(900)
      .describe('Lifetime of an access token in seconds (refresh tokens live 30 days).'),
    PLATFORM_ADMIN_EMAIL: z
      .email()
      .describe('Email of the first platform admin, created or updated at every boot.'),
    PLATFORM_ADMIN_PASSWORD: secret(
      z
        .string()
        .min(8)
        .max(128)
        .describe(
          'Password (8-128 chars; 12+ in production) of the first platform admin, applied at every boot.',
        ),
      { minLength: 12 },
    ),
    PASSWORD_HASH_COST: z.coerce
      .number()
      .int()
      .min(PASSWORD_HASH_COST.min)
      .max(PASSWORD_HASH_COST.max)
      .default(PASSWORD_HASH_COST.default)
      .describe(
        `log2 of scrypt's N for new password hashes (r=8, p=1); default ${PASSWORD_HASH_COST.default} (OWASP), at least ${PASSWORD_HASH_COST.productionMinimum} in production; only tests should lower it.`,
      ),
  })
  .superRefine((config, issues) => {
    if (
      config.NODE_ENV === 'production' &&
      config.PASSWORD_HASH_COST < PASSWORD_HASH_COST.productionMinimum
    ) {
      issues.addIssue({
        code: 'custom',
        path: ['PASSWORD_HASH_COST'],
        message: `must be at least ${PASSWORD_HASH_COST.productionMinimum} in production`,
      });
    }
  });

export type IdentityConfig = z.infer<typeof configSchema>;
