import { currentContext, type TenantCtx } from '@fleet/context';
import { assertTenantId } from '@fleet/db';

/** The unit-of-work context of an engine call: the tenant, and the request or message it serves. */
export function tenantCtx(tenantId: string): TenantCtx {
  return { requestId: currentContext()?.requestId ?? 'search', tenantId: assertTenantId(tenantId) };
}
