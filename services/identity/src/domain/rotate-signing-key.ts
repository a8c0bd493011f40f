import type { Queryable } from '@fleet/db';
import { newId } from '@fleet/db';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  findActiveKey,
  insertSigningKey,
  lockSigningKeys,
  retireKeysExcept,
} from '../data-access/signing-key.repository';
import type { IdentityDeps } from './identity-deps';
import type { KeyCipher } from './key-cipher';

/**
 * Makes a new active signing key and retires the others. Retired keys stay in the JWKS for the
 * access-token lifetime plus a margin, so tokens they signed keep verifying: nobody is logged out.
 */
export async function rotateSigningKey(deps: IdentityDeps): Promise<{ kid: string }> {
  const kid = await deps.db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    const created = await createKey(tx, deps.keyCipher);
    await retireKeysExcept(tx, created);
    return created;
  });
  deps.keys.invalidate();
  deps.logger.info({ kid }, 'signing key rotated');
  return { kid };
}

/** At boot: creates a key when none is active. Concurrent instances create exactly one. */
export async function ensureSigningKey(deps: IdentityDeps): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockSigningKeys(tx);
    if (await findActiveKey(tx)) return;
    const kid = await createKey(tx, deps.keyCipher);
    deps.logger.info({ kid }, 'signing key created');
  });
}

async function createKey(tx: Queryable, cipher: KeyCipher): Promise<string> {
  const kid = newId('key');
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    modulusLength: 2048,
    extractable: true,
  });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = JSON.stringify(await exportJWK(privateKey));
  await insertSigningKey(tx, { kid, publicJwk, privateJwkEncrypted: cipher.seal(privateJwk, kid) });
  return kid;
}
