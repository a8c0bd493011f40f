/** Which upstream serves a path on a given door. Longest prefix wins; services add lines here. */
export interface RouteRule {
  door: 'apex' | 'console' | 'store';
  prefix: string;
  upstream: string;
  /** Shoppers are refused on suspended stores; merchant admin stays reachable. */
  audience: 'shopper' | 'merchant' | 'platform' | 'public';
}

export const ROUTES: readonly RouteRule[] = [
  { door: 'store', prefix: '/api/store/info', upstream: 'tenancy', audience: 'shopper' },
];

export function findRoute(
  rules: readonly RouteRule[],
  door: RouteRule['door'],
  path: string,
): RouteRule | undefined {
  let best: RouteRule | undefined;
  for (const rule of rules) {
    if (rule.door !== door) continue;
    const matches =
      path === rule.prefix || path.startsWith(`${rule.prefix}/`) || path.startsWith(`${rule.prefix}?`);
    if (matches && (!best || rule.prefix.length > best.prefix.length)) best = rule;
  }
  return best;
}
