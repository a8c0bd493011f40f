import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/** Seals private signing keys at rest with AES-256-GCM; `aad` binds a ciphertext to its row. */
export interface KeyCipher {
  seal(plaintext: string, aad: string): string;
  open(sealed: string, aad: string): string;
}

const VERSION = 'v1';
const SALT = 'fleet-identity/signing-keys/v1';

/** Derives the 32-byte key from the configured secret once (scrypt: a weak secret stays costly). */
export function createKeyCipher(secret: string): KeyCipher {
  const key = scryptSync(secret, SALT, 32);
  return {
    seal(plaintext, aad) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed, aad) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new Error('Unknown sealed key format.');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
        .setAAD(Buffer.from(aad))
        .setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
