import { createHash, randomBytes } from 'node:crypto';
import { IDENTITY_EVENTS, type AccountTokenIssued } from '@fleet/contracts';
import type { Ctx, TenantCtx } from '@fleet/context';
import { newId, type Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { appendToOutbox, createEnvelope } from '@fleet/messaging';
import {
  findAccountByEmail,
  isLiveToken,
  issuedRecently,
  markVerified,
  replaceToken,
  setPassword,
  takeToken,
  type AccountKind,
  type TokenPurpose,
} from '../data-access/account-token.repository';
import { revokeSubject } from '../data-access/refresh-token.repository';
import type { IdentityDeps } from './identity-deps';
import { realmScope } from './realms';

/** How long each kind of link works, and its token's prefix. */
const POLICY: Record<TokenPurpose, { ttlMs: number; prefix: string; event: string }> = {
  password_reset: { ttlMs: 60 * 60_000, prefix: 'pwr', event: IDENTITY_EVENTS.passwordResetRequested },
  email_verification: {
    ttlMs: 3 * 86_400_000,
    prefix: 'vfy',
    event: IDENTITY_EVENTS.emailVerificationRequested,
  },
};
/** A second request within this many seconds sends nothing (no mail-bombing an address). */
export const REQUEST_COOLDOWN_SECONDS = 60;

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const invalidToken = () =>
  new AppError('not_found', 'This link is not valid: it was used, replaced or has expired.', {
    code: 'token_invalid',
  });

/**
 * Issues a one-time token to an account in the caller's transaction and writes the identity event
 * that carries it (the only place the raw token exists; the table keeps its sha256).
 */
export async function issueAccountToken(
  tx: Queryable,
  ctx: TenantCtx,
  account: { kind: AccountKind; id: string; email: string; name: string },
  purpose: TokenPurpose,
): Promise<void> {
  const policy = POLICY[purpose];
  const token = `${policy.prefix}_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(Date.now() + policy.ttlMs);
  await replaceToken(tx, {
    tenantId: ctx.tenantId,
    id: newId('atk'),
    account,
    purpose,
    tokenHash: hashToken(token),
    expiresAt,
  });
  const data: AccountTokenIssued = {
    audience: account.kind,
    email: account.email,
    name: account.name,
    token,
    expiresAt: expiresAt.toISOString(),
  };
  await appendToOutbox(tx, createEnvelope(ctx, { type: policy.event, aggregateId: account.id, data }));
}

/**
 * A reset or verification link for whoever holds this address in this store's realm. The answer
 * is the same (202, nothing) whether or not the account exists, was asked for a minute ago, or is
 * already verified: both paths run the same lookup in one transaction.
 */
export async function requestAccountToken(
  ctx: Ctx,
  deps: IdentityDeps,
  kind: AccountKind,
  purpose: TokenPurpose,
  email: string,
): Promise<void> {
  const scope = realmScope(ctx, kind);
  await deps.db.withTenant(scope, async (tx) => {
    const account = await findAccountByEmail(tx, scope.tenantId, kind, email);
    if (!account) return;
    if (purpose === 'email_verification' && account.email_verified_at) return;
    const ref = { kind, id: account.id };
    if (await issuedRecently(tx, scope.tenantId, ref, purpose, REQUEST_COOLDOWN_SECONDS)) return;
    await issueAccountToken(tx, scope, { ...ref, email: account.email, name: account.name }, purpose);
  });
}

/** A new password with a reset token: once, before it expires; every session of the account ends. */
export async function confirmPasswordReset(
  ctx: Ctx,
  deps: IdentityDeps,
  kind: AccountKind,
  input: { token: string; password: string },
): Promise<void> {
  const scope = realmScope(ctx, kind);
  const tokenHash = hashToken(input.token);
  // A made-up token costs no password hash.
  const live = await deps.db.readAsTenant(scope, (tx) =>
    isLiveToken(tx, scope.tenantId, kind, 'password_reset', tokenHash),
  );
  if (!live) throw invalidToken();
  const passwordHash = await deps.passwords.hash(input.password);
  await deps.db.withTenant(scope, async (tx) => {
    const id = await takeToken(tx, scope.tenantId, kind, 'password_reset', tokenHash);
    if (!id) throw invalidToken();
    await setPassword(tx, scope.tenantId, { kind, id }, passwordHash);
    await revokeSubject(tx, scope.tenantId, { kind, id });
  });
}

/** Marks the address verified with a verification token: once, before it expires. */
export async function confirmEmailVerification(
  ctx: Ctx,
  deps: IdentityDeps,
  kind: AccountKind,
  token: string,
): Promise<void> {
  const scope = realmScope(ctx, kind);
  await deps.db.withTenant(scope, async (tx) => {
    const id = await takeToken(tx, scope.tenantId, kind, 'email_verification', hashToken(token));
    if (!id) throw invalidToken();
    await markVerified(tx, scope.tenantId, { kind, id });
  });
}
