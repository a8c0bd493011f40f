import { LRUCache } from 'lru-cache';
import type { TenantCtx } from '@fleet/context';
import type { VariantInfo } from '@fleet/contracts';
import type { VariantSource } from '../domain/cart-deps';
import type { CatalogClient } from './catalog.client';

export interface VariantCacheOptions {
  /** How long an answer is reused; 0 asks catalog every time. */
  ttlMs: number;
  /** Bound on cached variants (ids come from shoppers: unbounded would be a memory leak). */
  maxEntries?: number;
  now?: () => number;
}

/** Null: catalog said this tenant has no such variant (cached too, within the same bound). */
type Answer = VariantInfo | null;

/**
 * Catalog lookups with a tiny in-process LRU keyed by tenant and variant, so the add-to-cart hot
 * path costs no catalog call; concurrent misses of one variant share one lookup (no stampede when
 * a hot entry expires). Shown prices may be `ttlMs` old: checkout reads `fresh`, and order totals
 * come from that read, never from this cache.
 */
export function cachedVariantSource(client: CatalogClient, options: VariantCacheOptions): VariantSource {
  const now = options.now ?? Date.now;
  // lru-cache keeps no null values: an answer is boxed, so "no such variant" is remembered too.
  const entries = new LRUCache<string, { answer: Answer }>({
    max: options.maxEntries ?? 10_000,
    ttl: Math.max(1, options.ttlMs),
    ttlResolution: 0,
    perf: { now },
  });
  const inFlight = new Map<string, Promise<Answer>>();

  const cached = (key: string): { answer: Answer } | undefined => entries.get(key);
  const remember = (key: string, answer: Answer): void => void entries.set(key, { answer });

  /** One catalog call for `ids`; each id's answer is shared with concurrent askers until it lands. */
  function ask(ctx: TenantCtx, ids: string[], share: boolean): Array<Promise<Answer>> {
    const batch = client.lookup(ctx, ids).then((infos) => new Map(infos.map((i) => [i.variantId, i])));
    return ids.map((id) => {
      const key = `${ctx.tenantId}:${id}`;
      const answer = batch.then((infos) => infos.get(id) ?? null);
      if (options.ttlMs > 0)
        void answer.then(
          (a) => remember(key, a),
          () => undefined,
        );
      if (share) {
        inFlight.set(key, answer);
        const forget = () => void (inFlight.get(key) === answer && inFlight.delete(key));
        answer.then(forget, forget);
      }
      return answer;
    });
  }

  return {
    async lookup(ctx, variantIds, lookupOptions = {}) {
      const share = options.ttlMs > 0 && !lookupOptions.fresh;
      const answers = new Map<string, Promise<Answer> | Answer>();
      const missing: string[] = [];
      for (const id of new Set(variantIds)) {
        const key = `${ctx.tenantId}:${id}`;
        const known = share ? (cached(key) ?? inFlight.get(key)) : undefined;
        if (known === undefined) missing.push(id);
        else answers.set(id, known instanceof Promise ? known : known.answer);
      }
      if (missing.length)
        ask(ctx, missing, share).forEach((answer, i) => answers.set(missing[i] as string, answer));
      // Promise.all settles every answer, so a failed batch leaves no rejection unhandled.
      const ids = [...answers.keys()];
      const infos = await Promise.all(answers.values());
      const found = new Map<string, VariantInfo>();
      infos.forEach((info, i) => info && found.set(ids[i] as string, info));
      return found;
    },
  };
}
