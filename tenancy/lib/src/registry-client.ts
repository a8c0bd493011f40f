import { AppError, type ErrorType } from '@fleet/errors';
import { CONTEXT_HEADER, signContext } from './context-header';
import type { TenantSnapshot } from './tenant';

/** The registry's service name: the audience of the contexts signed for it. */
const REGISTRY_AUDIENCE = 'tenancy';

export interface RegistryClientOptions {
  baseUrl: string;
  signingKey: string;
  /** Name of the calling service, carried as the actor of the signed context. */
  caller: string;
  timeoutMs?: number;
}

/** The registry's internal HTTP API, as other services call it. */
export function createRegistryClient(options: RegistryClientOptions) {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const headers = (requestId: string, method: string, url: URL) => ({
    [CONTEXT_HEADER]: signContext(
      { requestId, actor: { kind: 'service', id: options.caller } },
      options.signingKey,
      { audience: REGISTRY_AUDIENCE, method, path: url.pathname },
    ),
    'content-type': 'application/json',
  });
  const urlOf = (path: string) => new URL(`${options.baseUrl.replace(/\/$/, '')}${path}`);

  return {
    async fetchByHost(host: string, requestId = 'resolve'): Promise<TenantSnapshot | null> {
      const url = urlOf(`/internal/hosts/${encodeURIComponent(host)}`);
      const res = await fetch(url, {
        headers: headers(requestId, 'GET', url),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status === 404) return null;
      if (!res.ok) throw new AppError('unavailable', `Tenant registry answered ${res.status}.`);
      return (await res.json()) as TenantSnapshot;
    },

    /** Provisions a tenant; `provisionKey` makes a retry return the first result. */
    async provision(
      input: { slug: string; name: string; currency: string; country: string; plan?: string },
      provisionKey?: string,
      requestId = 'provision',
    ): Promise<TenantSnapshot> {
      const url = urlOf('/internal/tenants');
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          ...headers(requestId, 'POST', url),
          ...(provisionKey ? { 'idempotency-key': provisionKey } : {}),
        },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw await problemError(res);
      return (await res.json()) as TenantSnapshot;
    },

    async setStatus(
      tenantId: string,
      action: 'suspend' | 'resume',
      requestId = 'status',
    ): Promise<TenantSnapshot> {
      const url = urlOf(`/internal/tenants/${encodeURIComponent(tenantId)}/${action}`);
      const res = await fetch(url, {
        method: 'POST',
        headers: headers(requestId, 'POST', url),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw await problemError(res);
      return (await res.json()) as TenantSnapshot;
    },
  };
}

/** Re-raises the registry's problem as the same AppError type, so callers map it unchanged. */
async function problemError(res: Response): Promise<AppError> {
  const problem = (await res.json().catch(() => ({}))) as {
    detail?: string;
    code?: string;
    errors?: [];
    status?: number;
  };
  const type = STATUS_TYPES[res.status] ?? 'unavailable';
  return new AppError(type, problem.detail ?? `Tenant registry answered ${res.status}.`, {
    code: problem.code,
    errors: problem.errors,
  });
}

const STATUS_TYPES: Record<number, ErrorType> = {
  400: 'validation',
  404: 'not_found',
  409: 'conflict',
  422: 'business_rule',
};

export type RegistryClient = ReturnType<typeof createRegistryClient>;
