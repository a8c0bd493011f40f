import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/** One AES-256-GCM ciphertext: the random 12-byte IV, the 16-byte tag and the encrypted bytes. */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  body: Buffer;
}

/** A 32-byte key from a configured secret (scrypt: a weak secret stays costly to guess). */
export function deriveKey(secret: string, salt: string): Buffer {
  return scryptSync(secret, salt, 32);
}

/** Encrypts with a fresh IV; `aad` binds the ciphertext to its place (a row, a record). */
export function sealAesGcm(key: Buffer, plaintext: string, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), body };
}

/** Decrypts; throws when the value was tampered with, or bound to another `aad` or key. */
export function openAesGcm(key: Buffer, sealed: Sealed, aad: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv)
    .setAAD(Buffer.from(aad))
    .setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.body), decipher.final()]).toString('utf8');
}

/** `<iv>.<tag>.<body>` in base64url, the dotted form stored values use after their own prefix. */
export const dottedParts = (sealed: Sealed): string[] =>
  [sealed.iv, sealed.tag, sealed.body].map((part) => part.toString('base64url'));

/** The parts of a dotted form, or null when one is missing. */
export function fromDottedParts(iv?: string, tag?: string, body?: string): Sealed | null {
  if (!iv || !tag || body === undefined) return null;
  return {
    iv: Buffer.from(iv, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
    body: Buffer.from(body, 'base64url'),
  };
}
