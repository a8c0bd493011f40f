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
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { answer: Answer; expiresAt: number }>();
  const inFlight = new Map<string, Promise<Answer>>();

  const cached = (key: string): { answer: Answer } | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    entries.delete(key);
    if (entry.expiresAt <= now()) return undefined;
    entries.set(key, entry); // most recently used last
    return entry;
  };
  const remember = (key: string, answer: Answer): void => {
    entries.delete(key);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
    entries.set(key, { answer, expiresAt: now() + options.ttlMs });
  };

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
