import { TENANT_DATA_SERVICES } from '@fleet/contracts';
import { httpTenantDataSource, type TenantDataSource } from '@fleet/tenant-data';

/**
 * The other services' tenant data, from the `*_URL` variables every service is given. A missing
 * URL fails the export or purge that needs it, naming the variable: an archive or a purge that
 * silently skipped a service would be worse than none.
 */
export function remoteSources(env: NodeJS.ProcessEnv, signingKey: string): () => TenantDataSource[] {
  return () =>
    TENANT_DATA_SERVICES.map(({ service, urlEnv }) => {
      const baseUrl = env[urlEnv];
      if (!baseUrl)
        throw new Error(`${urlEnv} is not set: the registry cannot reach ${service}'s tenant data`);
      return httpTenantDataSource({ service, baseUrl, signingKey });
    });
}
