import type { z } from 'zod';

/** The brokers whose URL carries the credentials a production process logs in with. */
export type CredentialUrlKind = 'amqp' | 'redis';

// Keyed by the type's definition, which `.describe()` clones share (storefront re-describes REDIS_URL).
const credentialKinds = new WeakMap<object, CredentialUrlKind>();

/**
 * Marks a config key as a broker URL that must carry real credentials: in production
 * (NODE_ENV=production) loadConfig refuses an AMQP URL logging in as RabbitMQ's `guest` account or
 * without a password, and a Redis URL without a password, naming the variable. A URL whose host is
 * loopback is accepted as it is: RabbitMQ lets `guest` log in only from loopback, and a Redis on
 * loopback is reachable only from its own machine (the single-machine bench and e2e platforms).
 */
export function credentialUrl<T extends z.ZodType>(type: T, kind: CredentialUrlKind): T {
  credentialKinds.set(definitionOf(type) ?? type, kind);
  return type;
}

function definitionOf(type: unknown): object | undefined {
  return (type as { def?: object } | undefined)?.def;
}

/** The marking of a key, also when a service wrapped it (`.default()`, `.optional()`, `.describe()`). */
function kindOf(type: z.ZodType | undefined): CredentialUrlKind | undefined {
  let current: unknown = type;
  for (let depth = 0; current && depth < 5; depth++) {
    const marked = credentialKinds.get(definitionOf(current) ?? (current as object));
    if (marked) return marked;
    current = (current as { def?: { innerType?: unknown } }).def?.innerType;
  }
  return undefined;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

const FIX: Record<CredentialUrlKind, string> = {
  amqp: 'create a RabbitMQ user with a random password and use amqp://<user>:<password>@<host>:5672',
  redis: 'start Redis with requirepass and use redis://:<password>@<host>:6379',
};

/** Why this URL may not log a production process in, or undefined when it may. */
function weakness(value: string, kind: CredentialUrlKind): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined; // the schema itself judges the URL's shape
  }
  if (isLoopbackHost(url.hostname)) return undefined;
  if (kind === 'amqp' && decodeURIComponent(url.username) === 'guest')
    return "logs in as RabbitMQ's default guest account";
  if (!url.password) return 'has no password';
  return undefined;
}

/**
 * One line per credential URL key of `shape` whose value in `config` logs in as `guest` or without
 * a password to a broker beyond loopback. Only called in production: development and tests run on
 * the local, password-less defaults.
 */
export function credentialUrlProblems(
  shape: Record<string, z.ZodType>,
  config: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const [key, type] of Object.entries(shape)) {
    const kind = kindOf(type);
    const value = config[key];
    if (!kind || typeof value !== 'string') continue;
    const why = weakness(value, kind);
    if (why) problems.push(`${key} ${why}: ${FIX[kind]}`);
  }
  return problems;
}
