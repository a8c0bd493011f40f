import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { CONTEXT_HEADER, signContext } from '@fleet/tenancy';

export interface OwnerAccount {
  staff: { id: string; email: string; name: string; role: string };
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface IdentityClient {
  /** Creates the store owner; a retry with the same creation key returns it with fresh tokens. */
  createOwner(
    ctx: Ctx & { tenantId: string },
    owner: { email: string; password: string; name: string; creationKey: string },
  ): Promise<OwnerAccount>;
}

/** The identity service's internal API, called as the registry (a service actor). */
export function createIdentityClient(options: {
  baseUrl: string;
  signingKey: string;
  timeoutMs?: number;
}): IdentityClient {
  return {
    async createOwner(ctx, owner) {
      const context = {
        requestId: ctx.requestId,
        tenantId: ctx.tenantId,
        actor: { kind: 'service' as const, id: 'tenancy' },
      };
      const url = new URL(`${options.baseUrl.replace(/\/$/, '')}/internal/staff`);
      const target = { audience: 'identity', method: 'POST', path: url.pathname };
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            [CONTEXT_HEADER]: signContext(context, options.signingKey, target),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ ...owner, role: 'owner' }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
        });
      } catch (err) {
        throw new AppError('unavailable', 'Accounts are unavailable; retry the sign-up.', {
          code: 'identity_unavailable',
          retryAfter: 2,
          cause: err,
        });
      }
      if (res.status === 409) {
        throw new AppError('conflict', 'This store already has an owner.', { code: 'owner_exists' });
      }
      if (!res.ok) {
        throw new AppError('unavailable', `Accounts answered ${res.status}; retry the sign-up.`, {
          code: 'identity_unavailable',
          retryAfter: 2,
        });
      }
      return (await res.json()) as OwnerAccount;
    },
  };
}
