import type { Db, Queryable } from '@fleet/db';
import type { JWK } from 'jose';

/** Reads run on the pool directly (platform table, no tenant); writes in a platform transaction. */
type Reader = Pick<Db, 'query'> | Pick<Queryable, 'query'>;

export interface SigningKeyRow {
  kid: string;
  private_jwk_encrypted: string;
  public_jwk: JWK;
  created_at: Date;
  retired_at: Date | null;
}

/** The newest key that is not retired: the one that signs. */
export async function findActiveKey(db: Reader): Promise<SigningKeyRow | undefined> {
  const result = await db.query<SigningKeyRow>(
    `SELECT kid, private_jwk_encrypted, public_jwk, created_at, retired_at
       FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at DESC, kid DESC LIMIT 1`,
  );
  return result.rows[0];
}

/** Public keys to publish: the active ones and those retired less than `retentionSeconds` ago. */
export async function findPublishedKeys(db: Reader, retentionSeconds: number): Promise<JWK[]> {
  const result = await db.query<{ public_jwk: JWK }>(
    `SELECT public_jwk FROM signing_keys
      WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
      ORDER BY created_at DESC, kid DESC`,
    [retentionSeconds],
  );
  return result.rows.map((r) => r.public_jwk);
}

/** Serialises key creation across instances for the rest of the transaction. */
export async function lockSigningKeys(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('identity.signing_keys'))");
}

export async function insertSigningKey(
  tx: Queryable,
  k: { kid: string; privateJwkEncrypted: string; publicJwk: JWK },
): Promise<void> {
  await tx.query('INSERT INTO signing_keys (kid, private_jwk_encrypted, public_jwk) VALUES ($1, $2, $3)', [
    k.kid,
    k.privateJwkEncrypted,
    JSON.stringify(k.publicJwk),
  ]);
}

export async function retireKeysExcept(tx: Queryable, kid: string): Promise<void> {
  await tx.query('UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL AND kid <> $1', [kid]);
}
