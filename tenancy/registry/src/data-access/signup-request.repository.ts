import type { Queryable } from '@fleet/db';

export type SignUpClaim =
  { state: 'claimed' } | { state: 'busy' } | { state: 'mismatch' } | { state: 'done'; sealedAnswer: string };

export interface ClaimRequest {
  keyHash: string;
  fingerprint: string;
  /** Who runs the work now (random per request). */
  owner: string;
  lockSeconds: number;
  windowSeconds: number;
}

/**
 * Claims a sign-up's key in one transaction: an expired record is forgotten; a new key is
 * inserted locked (a concurrent insert of the same key waits for this one, then sees it); an
 * existing one answers with its first answer, `busy` while its runner holds the lock, `mismatch`
 * for another body, and is taken over once a crashed runner's lock has expired.
 */
export async function claimSignUp(tx: Queryable, c: ClaimRequest): Promise<SignUpClaim> {
  await tx.query('DELETE FROM signup_requests WHERE key_hash = $1 AND expires_at <= now()', [c.keyHash]);
  const inserted = await tx.maybeOne(
    `INSERT INTO signup_requests (key_hash, fingerprint, locked_by, locked_until, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4), now() + make_interval(secs => $5))
     ON CONFLICT (key_hash) DO NOTHING RETURNING key_hash`,
    [c.keyHash, c.fingerprint, c.owner, c.lockSeconds, c.windowSeconds],
  );
  if (inserted) return { state: 'claimed' };
  const row = await tx.maybeOne<{ fingerprint: string; sealed_answer: string | null; locked: boolean }>(
    `SELECT fingerprint, sealed_answer, coalesce(locked_until > now(), false) AS locked
       FROM signup_requests WHERE key_hash = $1 FOR UPDATE`,
    [c.keyHash],
  );
  if (!row) return { state: 'busy' }; // removed meanwhile by its runner: the next try claims it
  if (row.fingerprint !== c.fingerprint) return { state: 'mismatch' };
  if (row.sealed_answer) return { state: 'done', sealedAnswer: row.sealed_answer };
  if (row.locked) return { state: 'busy' };
  await tx.query(
    `UPDATE signup_requests SET locked_by = $2, locked_until = now() + make_interval(secs => $3)
      WHERE key_hash = $1`,
    [c.keyHash, c.owner, c.lockSeconds],
  );
  return { state: 'claimed' };
}

/** Keeps the first answer for the rest of the window (even if the lock was lost meanwhile). */
export async function completeSignUp(tx: Queryable, keyHash: string, sealedAnswer: string): Promise<void> {
  await tx.query(
    `UPDATE signup_requests SET sealed_answer = $2, locked_by = NULL, locked_until = NULL
      WHERE key_hash = $1`,
    [keyHash, sealedAnswer],
  );
}

/** A sign-up that ended without a store forgets its key, so a retry runs it again. */
export async function releaseSignUp(tx: Queryable, keyHash: string, owner: string): Promise<void> {
  await tx.query(
    'DELETE FROM signup_requests WHERE key_hash = $1 AND locked_by = $2 AND sealed_answer IS NULL',
    [keyHash, owner],
  );
}

/** Removes up to `limit` records whose window has passed. */
export async function purgeExpiredSignUps(tx: Queryable, limit = 100): Promise<void> {
  await tx.query(
    `DELETE FROM signup_requests WHERE key_hash IN (
       SELECT key_hash FROM signup_requests WHERE expires_at <= now() LIMIT $1)`,
    [limit],
  );
}
