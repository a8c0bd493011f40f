import { z } from 'zod';
import { credentialUrl, credentialUrlProblems } from './credential-urls';
import { secret, weakSecretProblems } from './secrets';

export { z };
export { KNOWN_DEFAULT_SECRETS, secret } from './secrets';
export { credentialUrl, isLoopbackHost, type CredentialUrlKind } from './credential-urls';

/**
 * A config schema is a zod object whose every key has a description (`.describe()`),
 * so `describeConfig` can print the documentation and errors can say what a key is for.
 */
export type ConfigSchema = z.ZodObject<Record<string, z.ZodType>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `env` against the schema; throws a ConfigError with one line per bad variable. In
 * production (NODE_ENV=production) a secret key (`secret(...)`) holding a published default, a
 * placeholder or a short value is such a bad variable too, and so is a broker URL
 * (`credentialUrl(...)`) logging in as `guest` or without a password beyond loopback.
 */
export function loadConfig<S extends ConfigSchema>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) {
    const data = parsed.data as Record<string, unknown>;
    const mode = 'NODE_ENV' in data ? data.NODE_ENV : env.NODE_ENV;
    if (mode === 'production') {
      const weak = [...weakSecretProblems(schema.shape, data), ...credentialUrlProblems(schema.shape, data)];
      if (weak.length) throw new ConfigError(weak);
    }
    return parsed.data;
  }
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path.map(String).join('.');
    const doc = key ? descriptionOf(schema.shape[key]) : undefined;
    const value = key ? env[key] : undefined;
    const why = value === undefined ? 'is missing' : `is invalid (${issue.message})`;
    return `${key} ${why}${doc ? ` — ${doc}` : ''}`;
  });
  throw new ConfigError(problems);
}

/**
 * Loads the config or stops the process with one clear line per problem.
 * Used by every service's main.ts.
 */
export function loadConfigOrExit<S extends ConfigSchema>(
  service: string,
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  try {
    return loadConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`[${service}] cannot start: ${err.message}\n`);
    process.exit(1);
  }
}

/** Rows of (key, description, default) for docs and `--help`. */
export function describeConfig(schema: ConfigSchema): Array<{ key: string; doc: string }> {
  return Object.entries(schema.shape).map(([key, type]) => ({ key, doc: descriptionOf(type) ?? '' }));
}

/** A key's description, also when a service wrapped a described common key (`.default()`, `.optional()`). */
function descriptionOf(type: z.ZodType | undefined): string | undefined {
  let current: unknown = type;
  for (let depth = 0; current && depth < 5; depth++) {
    const candidate = current as { description?: string; def?: { innerType?: unknown } };
    if (candidate.description) return candidate.description;
    current = candidate.def?.innerType;
  }
  return undefined;
}

/** Reusable keys. Each service composes its schema from these plus its own. */
export const common = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode.'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum log level.'),
  PORT: z.coerce.number().int().min(0).max(65535).describe('HTTP port this process listens on.'),
  BIND_ADDRESS: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      'Address the internal HTTP listener binds to: loopback by default, so only this machine reaches it; ' +
        'containers set 0.0.0.0 (docker-compose, the Helm chart) so their network does.',
    ),
  DATABASE_URL: z
    .url()
    .describe('Postgres URL of the application role (owns no table, cannot bypass row-level security).'),
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('Connections in the application pool of this process (the host sets it per worker).'),
  MIGRATION_DATABASE_URL: z
    .url()
    .describe('Postgres URL of the role that owns the schema and runs migrations.'),
  REDIS_URL: credentialUrl(
    z
      .url()
      .default('redis://127.0.0.1:6379')
      .describe(
        'Redis URL; in production with a password (redis://:<password>@host:6379) unless on loopback.',
      ),
    'redis',
  ),
  REDIS_PREFIX: z.string().default('fleet:').describe('Prefix of every Redis key this deployment writes.'),
  AMQP_URL: credentialUrl(
    z
      .url()
      .default('amqp://guest:guest@127.0.0.1:5672')
      .describe(
        'RabbitMQ URL; in production a user of its own with a password, not guest, unless on loopback.',
      ),
    'amqp',
  ),
  AMQP_PREFIX: z.string().default('fleet.').describe('Prefix of every RabbitMQ exchange and queue.'),
  INTERNAL_SIGNING_KEY: secret(
    z
      .string()
      .min(32)
      .describe('Shared secret (32+ chars) that signs the tenant context the gateway sends to services.'),
  ),
  PLATFORM_DOMAIN: z
    .string()
    .default('localhost')
    .describe('Apex domain; stores live at {slug}.{PLATFORM_DOMAIN}.'),
} as const;
