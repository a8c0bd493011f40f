/**
 * Browsers may call a store's API from the store's own origins only: `https://<host>` for each of
 * its hosts (subdomain and verified custom domains). On development domains (`localhost`,
 * `*.localhost`, `*.test`, which can never be public names) any port and plain http are allowed.
 */
export function isAllowedOrigin(origin: string, hosts: readonly string[]): boolean {
  const parsed = parseOrigin(origin);
  if (!parsed || !hosts.includes(parsed.hostname)) return false;
  if (isDevelopmentHost(parsed.hostname)) return true;
  return parsed.protocol === 'https:' && parsed.port === '';
}

export function isDevelopmentHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname.endsWith('.test');
}

function parseOrigin(origin: string): URL | undefined {
  if (origin === 'null' || origin.length > 300) return undefined;
  try {
    const url = new URL(origin);
    if (url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
    return url;
  } catch {
    return undefined;
  }
}
