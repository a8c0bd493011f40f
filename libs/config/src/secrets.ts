import type { z } from 'zod';

/**
 * Secrets this repository itself publishes: the development defaults of scripts/dev-env.js, the
 * fallbacks docker-compose.yml used to have and the placeholders of the Helm chart's values.yaml.
 * Anyone can read them, so a production process refuses every one of them.
 */
export const KNOWN_DEFAULT_SECRETS: readonly string[] = [
  'dev-only-internal-signing-key-0123456789abcdef',
  'dev-only-internal-signing-key-change-me',
  'dev-only-key-encryption-key-change-me-please',
  'dev:dev-only-payment-credentials-key-change-me',
  'dev-only-payment-credentials-key-change-me',
  'fleet-admin-dev',
  'change-me-now',
  'compose-only-key-encryption-key-change-me',
  'compose:compose-only-payment-credentials-key-change-me',
  'compose-only-payment-credentials-key-change-me',
  'dev-only-meili-master-key-0123456789',
  'CHANGE_ME',
  'CHANGE_ME_TO_32_PLUS_RANDOM_CHARACTERS',
  'k1:CHANGE_ME_TO_32_PLUS_RANDOM_CHARACTERS',
];

/** Words only a placeholder contains. */
const PLACEHOLDER = /change[-_ ]?me|dev[-_]only|compose[-_]only|placeholder|replace[-_ ]?me/i;

const known = new Set(KNOWN_DEFAULT_SECRETS.map((s) => s.toLowerCase()));
const secretTypes = new WeakMap<z.ZodType, { minLength: number }>();

/**
 * Marks a config key as a secret: in production (NODE_ENV=production) loadConfig refuses a known
 * default, a placeholder, or a value shorter than `minLength` (default 32), naming the variable.
 */
export function secret<T extends z.ZodType>(type: T, options: { minLength?: number } = {}): T {
  secretTypes.set(type, { minLength: options.minLength ?? 32 });
  return type;
}

/** The secret marking of a key, also when a service wrapped it (`.default()`, `.optional()`). */
function secretOf(type: z.ZodType | undefined): { minLength: number } | undefined {
  let current: unknown = type;
  for (let depth = 0; current && depth < 5; depth++) {
    const marked = secretTypes.get(current as z.ZodType);
    if (marked) return marked;
    current = (current as { def?: { innerType?: unknown } }).def?.innerType;
  }
  return undefined;
}

/** `keyId:secret` pairs (PAYMENT_CREDENTIALS_KEY) are judged by each secret as well as the whole. */
function candidates(value: string): string[] {
  const pairs = value.split(',').map((pair) => pair.slice(pair.indexOf(':') + 1));
  return [value, ...pairs];
}

/** Why this value may not be a production secret, or undefined when it may. */
function weakness(value: string, minLength: number): string | undefined {
  const parts = candidates(value);
  if (parts.some((part) => known.has(part.toLowerCase())))
    return 'is a default secret published in this repository';
  if (parts.some((part) => PLACEHOLDER.test(part))) return 'is a placeholder, not a secret';
  if (parts.some((part) => part.length < minLength)) return `is shorter than ${minLength} characters`;
  return undefined;
}

/**
 * One line per secret key of `shape` whose value in `config` is a default, a placeholder or too
 * short. Only called in production: development and tests run on the published defaults.
 */
export function weakSecretProblems(
  shape: Record<string, z.ZodType>,
  config: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const [key, type] of Object.entries(shape)) {
    const marked = secretOf(type);
    const value = config[key];
    if (!marked || typeof value !== 'string') continue;
    const why = weakness(value, marked.minLength);
    if (why) problems.push(`${key} ${why}: set a random value of your own (e.g. openssl rand -hex 32)`);
  }
  return problems;
}
