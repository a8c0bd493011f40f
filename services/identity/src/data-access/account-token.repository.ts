import type { Queryable } from '@fleet/db';

export type TokenPurpose = 'password_reset' | 'email_verification';
export type AccountKind = 'customer' | 'staff';

export interface AccountRef {
  kind: AccountKind;
  id: string;
}

const TABLE: Record<AccountKind, 'customers' | 'staff'> = { customer: 'customers', staff: 'staff' };

/** The account of this realm with this e-mail: id, name and whether it is verified. */
export function findAccountByEmail(tx: Queryable, tenantId: string, kind: AccountKind, email: string) {
  return tx.maybeOne<{ id: string; name: string; email: string; email_verified_at: Date | null }>(
    `SELECT id, name, email, email_verified_at FROM ${TABLE[kind]} WHERE tenant_id = $1 AND email = $2`,
    [tenantId, email],
  );
}

/** True when a token of this purpose was issued to the account in the last `seconds`. */
export async function issuedRecently(
  tx: Queryable,
  tenantId: string,
  account: AccountRef,
  purpose: TokenPurpose,
  seconds: number,
): Promise<boolean> {
  const row = await tx.maybeOne(
    `SELECT 1 FROM account_tokens
      WHERE tenant_id = $1 AND subject_kind = $2 AND subject_id = $3 AND purpose = $4
        AND created_at > now() - make_interval(secs => $5)`,
    [tenantId, account.kind, account.id, purpose, seconds],
  );
  return row !== undefined;
}

/** A new token; the account's earlier unused tokens of the same purpose stop working. */
export async function replaceToken(
  tx: Queryable,
  t: {
    tenantId: string;
    id: string;
    account: AccountRef;
    purpose: TokenPurpose;
    tokenHash: string;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.query(
    `DELETE FROM account_tokens
      WHERE tenant_id = $1 AND subject_kind = $2 AND subject_id = $3 AND purpose = $4 AND used_at IS NULL`,
    [t.tenantId, t.account.kind, t.account.id, t.purpose],
  );
  await tx.query(
    `INSERT INTO account_tokens (tenant_id, id, purpose, subject_kind, subject_id, token_hash, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [t.tenantId, t.id, t.purpose, t.account.kind, t.account.id, t.tokenHash, t.expiresAt],
  );
}

/** Whether an unused, unexpired token of this realm and purpose has this hash (read before costly work). */
export async function isLiveToken(
  tx: Queryable,
  tenantId: string,
  kind: AccountKind,
  purpose: TokenPurpose,
  tokenHash: string,
): Promise<boolean> {
  const row = await tx.maybeOne(
    `SELECT 1 FROM account_tokens WHERE tenant_id = $1 AND token_hash = $2 AND subject_kind = $3
        AND purpose = $4 AND used_at IS NULL AND expires_at > now()`,
    [tenantId, tokenHash, kind, purpose],
  );
  return row !== undefined;
}

/** Uses the token (once: a concurrent second use finds it used): the account it was for, if live. */
export async function takeToken(
  tx: Queryable,
  tenantId: string,
  kind: AccountKind,
  purpose: TokenPurpose,
  tokenHash: string,
): Promise<string | undefined> {
  const row = await tx.maybeOne<{ subject_id: string }>(
    `UPDATE account_tokens SET used_at = now()
      WHERE tenant_id = $1 AND token_hash = $2 AND subject_kind = $3 AND purpose = $4
        AND used_at IS NULL AND expires_at > now()
      RETURNING subject_id`,
    [tenantId, tokenHash, kind, purpose],
  );
  return row?.subject_id;
}

export async function setPassword(tx: Queryable, tenantId: string, account: AccountRef, hash: string) {
  await tx.query(
    `UPDATE ${TABLE[account.kind]} SET password_hash = $3, email_verified_at = COALESCE(email_verified_at, now()),
            updated_at = now() WHERE tenant_id = $1 AND id = $2`,
    [tenantId, account.id, hash],
  );
}

export async function markVerified(tx: Queryable, tenantId: string, account: AccountRef) {
  await tx.query(
    `UPDATE ${TABLE[account.kind]} SET email_verified_at = COALESCE(email_verified_at, now()), updated_at = now()
      WHERE tenant_id = $1 AND id = $2`,
    [tenantId, account.id],
  );
}
