import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { Db } from '@fleet/db';
import { AppError } from '@fleet/errors';
import type { JWK } from 'jose';
import { findActiveKey, findPublishedKeys } from '../data-access/signing-key.repository';
import type { KeyCipher } from './key-cipher';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

/** The key that signs now (cached in-process) and the public keys verifiers may still meet. */
export interface SigningKeyRing {
  current(): Promise<SigningKey>;
  /** Active and recently retired public keys; read fresh, so a rotation anywhere shows at once. */
  publicKeys(): Promise<JWK[]>;
  /** Forget the cached key (after a rotation on this instance). */
  invalidate(): void;
}

export interface SigningKeyRingOptions {
  db: Db;
  cipher: KeyCipher;
  /** How long a retired key stays published: the access-token lifetime plus a margin. */
  retentionSeconds: number;
  /** How often the active key is re-read, so a rotation by another instance is picked up. */
  reloadMs?: number;
}

export function createSigningKeyRing(options: SigningKeyRingOptions): SigningKeyRing {
  const reloadMs = options.reloadMs ?? 5_000;
  let cached: { key: SigningKey; loadedAt: number } | undefined;
  let loading: Promise<SigningKey> | undefined;

  async function load(): Promise<SigningKey> {
    const row = await findActiveKey(options.db);
    if (!row) throw new AppError('unavailable', 'No active signing key.', { code: 'no_signing_key' });
    const key =
      cached?.key.kid === row.kid
        ? cached.key
        : {
            kid: row.kid,
            privateKey: createPrivateKey({
              key: JSON.parse(options.cipher.open(row.private_jwk_encrypted, row.kid)) as JsonWebKey,
              format: 'jwk',
            }),
          };
    cached = { key, loadedAt: Date.now() };
    return key;
  }

  return {
    current() {
      if (cached && Date.now() - cached.loadedAt < reloadMs) return Promise.resolve(cached.key);
      loading ??= load().finally(() => (loading = undefined));
      return loading;
    },
    publicKeys: () => findPublishedKeys(options.db, options.retentionSeconds),
    invalidate() {
      cached = cached && { ...cached, loadedAt: 0 };
    },
  };
}
