import { AppError, type ErrorType } from '@fleet/errors';
import { createServiceClient, type ServiceFailure, type ServiceResult } from '@fleet/http';
import type { TenantSnapshot } from './tenant';

export interface RegistryClientOptions {
  baseUrl: string;
  signingKey: string;
  /** Name of the calling service, carried as the actor of the signed context. */
  caller: string;
  /** Longest wait for an answer, per attempt. Default 2 s. */
  timeoutMs?: number;
}

/**
 * The registry's internal HTTP API, as other services call it: `createServiceClient` (the signed
 * context for `tenancy`, keep-alive, bounded retries of idempotent calls, a circuit breaker), its
 * failures raised as the AppError the registry's answer names, so callers map them unchanged.
 */
export function createRegistryClient(options: RegistryClientOptions) {
  const client = createServiceClient({
    service: 'tenancy',
    caller: options.caller,
    baseUrl: options.baseUrl,
    signingKey: options.signingKey,
    timeoutMs: options.timeoutMs ?? 2_000,
  });
  const post = (requestId: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    client.call<TenantSnapshot>({ requestId }, { method: 'POST', path, body, headers });

  return {
    async fetchByHost(host: string, requestId = 'resolve'): Promise<TenantSnapshot | null> {
      const path = `/internal/hosts/${encodeURIComponent(host)}`;
      const result = await client.call<TenantSnapshot>({ requestId }, { method: 'GET', path });
      if (!result.ok && result.kind === 'problem' && result.status === 404) return null;
      if (!result.ok) throw new AppError('unavailable', `Tenant registry answered ${statusOf(result)}.`);
      return result.body;
    },

    /** Provisions a tenant; `provisionKey` makes a retry return the first result. */
    async provision(
      input: { slug: string; name: string; currency: string; country: string; plan?: string },
      provisionKey?: string,
      requestId = 'provision',
    ): Promise<TenantSnapshot> {
      const headers = provisionKey ? { 'idempotency-key': provisionKey } : undefined;
      return snapshotOf(await post(requestId, '/internal/tenants', input, headers));
    },

    async setStatus(
      tenantId: string,
      action: 'suspend' | 'resume',
      requestId = 'status',
    ): Promise<TenantSnapshot> {
      return snapshotOf(await post(requestId, `/internal/tenants/${encodeURIComponent(tenantId)}/${action}`));
    },

    /** Closes the client's connections. */
    close: () => client.close(),
  };
}

/** What the registry answered (its status), or why nothing came back (`timeout`, `circuit_open`…). */
const statusOf = (failure: ServiceFailure): string =>
  String(failure.status ?? (failure.kind === 'unavailable' ? failure.reason : 'nothing'));

/** The snapshot, or the registry's problem re-raised as the same AppError type. */
function snapshotOf(result: ServiceResult<TenantSnapshot>): TenantSnapshot {
  if (result.ok) return result.body;
  const type = (result.kind === 'problem' && STATUS_TYPES[result.status]) || 'unavailable';
  return raise(type, result);
}

function raise(type: ErrorType, failure: ServiceFailure): never {
  const problem = failure.problem as { detail?: string; code?: string; errors?: [] } | undefined;
  throw new AppError(type, problem?.detail ?? `Tenant registry answered ${statusOf(failure)}.`, {
    code: problem?.code,
    errors: problem?.errors,
  });
}

const STATUS_TYPES: Record<number, ErrorType> = {
  400: 'validation',
  404: 'not_found',
  409: 'conflict',
  422: 'business_rule',
};

export type RegistryClient = ReturnType<typeof createRegistryClient>;
