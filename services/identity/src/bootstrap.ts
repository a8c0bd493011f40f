import type { Db } from '@fleet/db';
import type { Logger } from '@fleet/logger';
import type Redis from 'ioredis';
import type { IdentityDeps } from './domain/identity-deps';
import { createKeyCipher } from './domain/key-cipher';
import { createLoginThrottle, type ThrottleLimit } from './domain/login-throttle';
import { createPasswordHasher } from './domain/password';
import { ensureSigningKey } from './domain/rotate-signing-key';
import { seedPlatformAdmin, type PlatformAdminSeed } from './domain/seed-platform-admin';
import { createSigningKeyRing } from './domain/signing-key-ring';

/** A retired key stays published this long after the last token it signed can have expired. */
const RETIRED_KEY_MARGIN_SECONDS = 3600;

export interface IdentityDepsOptions {
  db: Db;
  redis: Redis;
  /** REDIS_PREFIX. */
  redisPrefix: string;
  logger: Logger;
  issuer: string;
  accessTokenTtlSeconds: number;
  /** IDENTITY_KEY_ENCRYPTION_KEY. */
  keyEncryptionKey: string;
  /** How often each instance re-reads the active signing key. Default 5 s. */
  keyReloadMs?: number;
  throttle?: { perAccount?: ThrottleLimit; perIp?: ThrottleLimit };
  /** PASSWORD_HASH_COST: log2 of scrypt's N for new hashes. Default 17 (see domain/password.ts). */
  passwordHashCost?: number;
}

/** Wires identity's dependencies from connections and settings (main.ts, and tests anywhere). */
export function createIdentityDeps(options: IdentityDepsOptions): IdentityDeps {
  const keyCipher = createKeyCipher(options.keyEncryptionKey);
  return {
    db: options.db,
    logger: options.logger,
    keyCipher,
    keys: createSigningKeyRing({
      db: options.db,
      cipher: keyCipher,
      retentionSeconds: options.accessTokenTtlSeconds + RETIRED_KEY_MARGIN_SECONDS,
      reloadMs: options.keyReloadMs,
    }),
    throttle: createLoginThrottle({ redis: options.redis, prefix: options.redisPrefix, ...options.throttle }),
    passwords: createPasswordHasher({ cost: options.passwordHashCost }),
    tokens: { issuer: options.issuer, accessTokenTtlSeconds: options.accessTokenTtlSeconds },
  };
}

/** Before serving: a signing key exists and the configured platform admin can sign in. */
export async function bootstrapIdentity(deps: IdentityDeps, platformAdmin: PlatformAdminSeed): Promise<void> {
  await ensureSigningKey(deps);
  await seedPlatformAdmin(deps, platformAdmin);
}
