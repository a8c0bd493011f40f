import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import type { ReindexStatus } from '../messaging/reindex.queue';
import { assertOperator, assertTenantRequest } from './guards';
import type { SearchDeps } from './search-deps';

/** Queues a full reindex of the context's tenant; a run already queued or running is returned instead. */
export async function requestReindex(ctx: Ctx, deps: SearchDeps): Promise<ReindexStatus> {
  assertOperator(ctx);
  assertTenantRequest(ctx);
  return deps.reindex.enqueue({
    tenantId: ctx.tenantId,
    requestedBy: `${ctx.actor?.kind}:${ctx.actor?.id ?? 'unknown'}`,
    correlationId: ctx.correlationId ?? ctx.requestId,
  });
}

export async function getReindexStatus(ctx: Ctx, deps: SearchDeps, jobId: string): Promise<ReindexStatus> {
  assertOperator(ctx);
  const status = await deps.reindex.status(jobId);
  if (!status) throw new AppError('not_found', 'No such reindex job.', { code: 'job_not_found' });
  return status;
}
