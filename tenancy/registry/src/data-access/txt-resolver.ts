import { Resolver } from 'node:dns/promises';
import type { TxtResolver } from '../domain/registry-deps';

/** TXT lookups through the system resolver, or the given servers (`host` or `host:port`). */
export function createTxtResolver(servers?: string): TxtResolver {
  const resolver = new Resolver({ timeout: 3_000, tries: 2 });
  const list = servers
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list?.length) resolver.setServers(list);
  return (name) => resolver.resolveTxt(name);
}
