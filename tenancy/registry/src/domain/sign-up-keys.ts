import { createHmac } from 'node:crypto';
import { openAesGcm, sealAesGcm } from '@fleet/crypto';

/** What a sign-up's Idempotency-Key stands for in storage and in the two services it touches. */
export interface SignUpKeys {
  /** Id of the idempotency record. */
  record: string;
  /** Binds the key to one request body (password included), so another body is told apart. */
  fingerprint: string;
  /** The tenant's provision key: a retry of this sign-up gets the store it made. */
  provisionKey: string;
  /** Identity's creation key for the owner: a retry gets the owner it made. */
  creationKey: string;
  /** Seals the first answer (it holds the owner's tokens) for the record. */
  seal(answer: string): string;
  open(sealed: string): string;
}

/**
 * Every value is an HMAC under the server's secret of the client's key (and body), so none can be
 * guessed or reversed without both: the record and the answer are only reachable by presenting the
 * same key again, and the stored answer is readable only with it.
 */
export function signUpKeys(secret: string, idempotencyKey: string, body: string): SignUpKeys {
  const mac = (label: string, ...parts: string[]) =>
    createHmac('sha256', secret)
      .update(['fleet-signup', label, idempotencyKey, ...parts].join('\n'))
      .digest();
  const record = mac('record').toString('base64url');
  const sealKey = mac('seal');
  return {
    record,
    fingerprint: mac('body', body).toString('base64url'),
    provisionKey: `signup:${mac('tenant').toString('base64url')}`,
    creationKey: mac('owner').toString('base64url'),
    // `<iv><tag><ciphertext>` as one base64url string.
    seal(answer) {
      const { iv, tag, body } = sealAesGcm(sealKey, answer, record);
      return Buffer.concat([iv, tag, body]).toString('base64url');
    },
    open(sealed) {
      const bytes = Buffer.from(sealed, 'base64url');
      const parts = { iv: bytes.subarray(0, 12), tag: bytes.subarray(12, 28), body: bytes.subarray(28) };
      return openAesGcm(sealKey, parts, record);
    },
  };
}
