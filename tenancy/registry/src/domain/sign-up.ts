import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import {
  claimSignUp,
  completeSignUp,
  purgeExpiredSignUps,
  releaseSignUp,
} from '../data-access/signup-request.repository';
import type { IdentityClient } from '../data-access/identity.client';
import { provisionTenant, slugTaken } from './provision-tenant';
import { storeUrl, type RegistryDeps } from './registry-deps';
import { signUpKeys, type SignUpKeys } from './sign-up-keys';

export interface SignUpInput {
  storeName: string;
  slug: string;
  email: string;
  password: string;
  currency: string;
  country: string;
}

export interface SignUpResult {
  tenant: { id: string; slug: string; status: string };
  storeUrl: string;
  adminUrl: string;
  accessToken: string;
  refreshToken: string;
}

export interface SignUpRequest {
  /** The client's Idempotency-Key, or one the server chose for this request alone. */
  idempotencyKey: string;
  /** Server secret the key's derived values are HMACs under (the internal signing key). */
  secret: string;
}

/** A repeat of a sign-up (same key, same body) is recognised this long after the first. */
export const SIGN_UP_WINDOW_SECONDS = 15 * 60;
/** A running sign-up holds its key this long; a crashed one frees it after that. */
const LOCK_SECONDS = 30;
/** A duplicate waits this long for the first to finish, then is told to retry. */
const WAIT_MS = 10_000;
const POLL_MS = 50;

/**
 * A merchant's sign-up: the store (tenant, settings, `tenant.provisioned`) and then its owner
 * account. Sign-up is not a login: only the same Idempotency-Key with the same body within
 * SIGN_UP_WINDOW_SECONDS gets the first answer (or finishes a sign-up that failed half-way);
 * anything else on a taken slug is the same 409 `slug_taken`, with no token and no password check,
 * whether or not the email is the owner's. Concurrent duplicates wait for the first: the work runs
 * once.
 */
export async function signUp(
  ctx: Ctx,
  deps: RegistryDeps,
  input: SignUpInput,
  request: SignUpRequest,
): Promise<{ replayed: boolean; result: SignUpResult }> {
  const { identity } = deps;
  if (!identity) throw new AppError('internal', 'Sign-up needs the identity service.');
  const normalized = { ...input, email: input.email.trim().toLowerCase() };
  const keys = signUpKeys(request.secret, request.idempotencyKey, JSON.stringify(normalized));
  const owner = randomUUID();
  const giveUpAt = Date.now() + WAIT_MS;
  for (;;) {
    const claim = await deps.db.transaction((tx) =>
      claimSignUp(tx, {
        keyHash: keys.record,
        fingerprint: keys.fingerprint,
        owner,
        lockSeconds: LOCK_SECONDS,
        windowSeconds: SIGN_UP_WINDOW_SECONDS,
      }),
    );
    if (claim.state === 'mismatch') throw keyReused();
    if (claim.state === 'done') {
      return { replayed: true, result: JSON.parse(keys.open(claim.sealedAnswer)) as SignUpResult };
    }
    if (claim.state === 'claimed')
      return {
        replayed: false,
        result: await runClaimed(ctx, { ...deps, identity }, normalized, keys, owner),
      };
    if (Date.now() >= giveUpAt) throw keyInProgress();
    await sleep(POLL_MS);
  }
}

/** The work, once per key: a store made is kept as the key's answer; a failure frees the key. */
async function runClaimed(
  ctx: Ctx,
  deps: RegistryDeps & { identity: IdentityClient },
  input: SignUpInput,
  keys: SignUpKeys,
  owner: string,
): Promise<SignUpResult> {
  try {
    const result = await createStoreAndOwner(ctx, deps, input, keys);
    await deps.db.transaction(async (tx) => {
      await completeSignUp(tx, keys.record, keys.seal(JSON.stringify(result)));
      await purgeExpiredSignUps(tx);
    });
    return result;
  } catch (err) {
    // If this fails too, the lock frees the key after LOCK_SECONDS; the first error is the answer.
    await deps.db.transaction((tx) => releaseSignUp(tx, keys.record, owner)).catch(() => undefined);
    throw err;
  }
}

async function createStoreAndOwner(
  ctx: Ctx,
  deps: RegistryDeps & { identity: IdentityClient },
  input: SignUpInput,
  keys: SignUpKeys,
): Promise<SignUpResult> {
  const { tenant } = await provisionTenant(ctx, deps, {
    slug: input.slug,
    name: input.storeName,
    currency: input.currency,
    country: input.country,
    provisionKey: keys.provisionKey,
    provisionKeyMaxAgeSeconds: SIGN_UP_WINDOW_SECONDS,
  });
  const account = await deps.identity
    .createOwner(
      { ...ctx, tenantId: tenant.id },
      { email: input.email, password: input.password, name: input.storeName, creationKey: keys.creationKey },
    )
    .catch((err: unknown) => {
      // Not reachable within the windows (identity's is longer); should it happen, the same answer.
      if (err instanceof AppError && err.code === 'owner_exists') throw slugTaken(input.slug);
      throw err;
    });
  const host = tenant.hosts[0] ?? `${tenant.slug}.${deps.platformDomain}`;
  return {
    tenant: { id: tenant.id, slug: tenant.slug, status: tenant.status },
    storeUrl: storeUrl(deps, host),
    adminUrl: storeUrl(deps, host, '/admin'),
    accessToken: account.accessToken,
    refreshToken: account.refreshToken,
  };
}

const keyReused = (): AppError =>
  new AppError('conflict', 'This Idempotency-Key was already used with another sign-up.', {
    code: 'idempotency_key_reused',
  });

const keyInProgress = (): AppError =>
  new AppError('conflict', 'A sign-up with this Idempotency-Key is still running; retry shortly.', {
    code: 'idempotency_in_progress',
    retryAfter: 1,
  });
