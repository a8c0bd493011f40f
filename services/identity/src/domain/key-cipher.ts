import { deriveKey, dottedParts, fromDottedParts, openAesGcm, sealAesGcm } from '@fleet/crypto';

/** Seals private signing keys at rest with AES-256-GCM; `aad` binds a ciphertext to its row. */
export interface KeyCipher {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

const VERSION = 'v1';
const SALT = 'fleet-identity/signing-keys/v1';

/** Derives the 32-byte key from the configured secret once. Format: `v1.<iv>.<tag>.<ciphertext>`. */
export function createKeyCipher(secret: string): KeyCipher {
  const key = deriveKey(secret, SALT);
  return {
    seal: (plaintext, aad) => [VERSION, ...dottedParts(sealAesGcm(key, plaintext, aad))].join('.'),
    open(sealed, aad) {
      const [version, iv, tag, body] = sealed.split('.');
      const parts = fromDottedParts(iv, tag, body);
      if (version !== VERSION || !parts) throw new Error('Unknown sealed key format.');
      return openAesGcm(key, parts, aad);
    },
  };
}
