import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';

/** Internal endpoints answer only other services (tenancy at sign-up, operators' tooling). */
export function assertServiceCaller(ctx: Ctx): void {
  if (ctx.actor?.kind !== 'service') {
    throw new AppError('forbidden', 'This endpoint is internal to the platform.', { code: 'internal_only' });
  }
}
