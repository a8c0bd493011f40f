import { SLUG_PATTERN } from '@fleet/tenancy';

// Which slugs a new store may take: the registry alone decides (sign-up and provisioning). The
// shape of a slug (`SLUG_PATTERN`) stays in `@fleet/tenancy`: the gateway reads hosts with it.

/** Subdomains the platform keeps for itself or that would mislead shoppers. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'console',
  'admin',
  'app',
  'apps',
  'auth',
  'login',
  'logout',
  'signup',
  'register',
  'account',
  'accounts',
  'billing',
  'dashboard',
  'platform',
  'internal',
  'system',
  'root',
  'static',
  'assets',
  'cdn',
  'media',
  'mail',
  'email',
  'smtp',
  'imap',
  'pop',
  'ftp',
  'ns1',
  'ns2',
  'dns',
  'status',
  'help',
  'support',
  'docs',
  'blog',
  'webhooks',
  'webhook',
  'queues',
  'metrics',
  'health',
  'store',
  'stores',
  'shop',
  'shops',
  'checkout',
  'pay',
  'payments',
  'dev',
  'staging',
  'test',
  'demo',
  'localhost',
  'fleet',
  'security',
  'abuse',
  'postmaster',
]);

export type SlugProblem = 'invalid' | 'reserved';

/** 3-40 chars of a-z, 0-9 and inner hyphens, no double hyphen, not reserved. */
export function checkSlug(slug: string): SlugProblem | null {
  if (!SLUG_PATTERN.test(slug) || slug.includes('--')) return 'invalid';
  if (RESERVED_SLUGS.has(slug)) return 'reserved';
  return null;
}
