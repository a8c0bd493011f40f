import { normalizeHost } from '@fleet/tenancy';

/** Which door a request came through (DESIGN.md section 1). */
export type HostKind =
  | { kind: 'apex'; host: string }
  | { kind: 'console'; host: string }
  | { kind: 'store'; host: string }
  | { kind: 'invalid' };

export function classifyHost(rawHost: string | undefined, platformDomain: string): HostKind {
  const host = normalizeHost(rawHost);
  if (!host) return { kind: 'invalid' };
  if (host === platformDomain) return { kind: 'apex', host };
  if (host === `console.${platformDomain}`) return { kind: 'console', host };
  return { kind: 'store', host };
}
