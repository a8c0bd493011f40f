import { deriveKey, dottedParts, fromDottedParts, openAesGcm, sealAesGcm } from '@fleet/crypto';
import { AppError } from '@fleet/errors';

/**
 * Seals provider credentials at rest with AES-256-GCM. Every sealed value names the key that
 * sealed it, so keys rotate: new values are sealed with the first (current) key, older values
 * still open with the key they name until they are re-sealed. `aad` binds a value to its row
 * (tenant and provider), so a ciphertext copied to another tenant's row does not open.
 *
 * Format: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface CredentialsCipher {
  readonly currentKeyId: string;
  seal(plaintext: string, aad: string): string;
  /** Throws when the value was tampered with, bound to another row, or sealed by an unknown key. */
  open(sealed: string, aad: string): string;
  /** True when the value was sealed with a key other than the current one. */
  needsReseal(sealed: string): boolean;
}

export interface CredentialsKey {
  id: string;
  secret: string;
}

const VERSION = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const MIN_SECRET_LENGTH = 32;

/** `PAYMENT_CREDENTIALS_KEY`: `<keyId>:<secret>[,<keyId>:<secret>…]`, the current key first. */
export const CREDENTIALS_KEY_PATTERN = /^[A-Za-z0-9_-]{1,32}:[^,]{32,}(,[A-Za-z0-9_-]{1,32}:[^,]{32,})*$/;

export function parseCredentialsKeys(value: string): CredentialsKey[] {
  const keys = value.split(',').map((entry) => {
    const colon = entry.indexOf(':');
    const id = entry.slice(0, colon);
    const secret = entry.slice(colon + 1);
    if (colon <= 0 || !KEY_ID.test(id) || secret.length < MIN_SECRET_LENGTH) {
      throw new Error('PAYMENT_CREDENTIALS_KEY must be <keyId>:<secret of 32+ chars>[,…]');
    }
    return { id, secret };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('Duplicate credentials key id.');
  return keys;
}

/** Derives each 32-byte key once (salted by key id). */
export function createCredentialsCipher(keys: string | readonly CredentialsKey[]): CredentialsCipher {
  const list = typeof keys === 'string' ? parseCredentialsKeys(keys) : keys;
  const current = list[0];
  if (!current) throw new Error('At least one credentials key is required.');
  const derived = new Map(
    list.map((k) => [k.id, deriveKey(k.secret, `fleet-payment/credentials/${k.id}`)] as const),
  );
  const currentKey = derived.get(current.id) as Buffer;

  return {
    currentKeyId: current.id,
    seal: (plaintext, aad) =>
      [VERSION, current.id, ...dottedParts(sealAesGcm(currentKey, plaintext, aad))].join('.'),
    open(sealed, aad) {
      const [version, keyId, iv, tag, body, extra] = sealed.split('.');
      const key = keyId === undefined ? undefined : derived.get(keyId);
      const parts = fromDottedParts(iv, tag, body);
      if (version !== VERSION || !key || !parts || extra !== undefined) throw unreadable();
      try {
        return openAesGcm(key, parts, aad);
      } catch (err) {
        throw unreadable(err);
      }
    },
    needsReseal: (sealed) => sealed.split('.')[1] !== current.id,
  };
}

function unreadable(cause?: unknown): AppError {
  return new AppError('internal', 'Stored payment credentials cannot be decrypted.', {
    code: 'credentials_unreadable',
    cause,
  });
}
