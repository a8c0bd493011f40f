import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { createServiceClient } from '@fleet/http';

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
  const client = createServiceClient({
    service: 'identity',
    caller: 'tenancy',
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  return {
    async createOwner(ctx, owner) {
      const result = await client.call<OwnerAccount>(ctx, {
        method: 'POST',
        path: '/internal/staff',
        body: { ...owner, role: 'owner' },
        // The creation key makes a repeat return the owner the first call made.
        idempotent: true,
      });
      if (result.ok) return result.body;
      if (result.status === 409) {
        throw new AppError('conflict', 'This store already has an owner.', { code: 'owner_exists' });
      }
      const detail =
        result.status === undefined
          ? 'Accounts are unavailable; retry the sign-up.'
          : `Accounts answered ${result.status}; retry the sign-up.`;
      throw new AppError('unavailable', detail, {
        code: 'identity_unavailable',
        retryAfter: 2,
        cause: new Error(result.kind === 'unavailable' ? result.error : result.problem.detail),
      });
    },
  };
}
