import type { Queryable } from '@fleet/db';
import { AppError } from '@fleet/errors';
import { takenSlugs } from '../data-access/slug.repository';
import { nextSlug, slugify } from './slug';

type SluggedTable = 'products' | 'categories' | 'collections';

const NOUN: Record<SluggedTable, string> = {
  products: 'product',
  categories: 'category',
  collections: 'collection',
};

/**
 * Inserts a row under a slug unique in the store: the given one (taken: 409 `slug_taken`), or one
 * made from the title, deduplicated with -2, -3... `insert` inserts with ON CONFLICT DO NOTHING and
 * says whether it did, so two concurrent creates of one title end with two different slugs.
 */
export async function insertWithSlug(
  tx: Queryable,
  table: SluggedTable,
  tenantId: string,
  wanted: { slug?: string | undefined; title: string },
  insert: (slug: string) => Promise<boolean>,
): Promise<string> {
  const noun = NOUN[table];
  if (wanted.slug) {
    if (await insert(wanted.slug)) return wanted.slug;
    throw new AppError('conflict', `Another ${noun} of this store has the slug "${wanted.slug}".`, {
      code: 'slug_taken',
      errors: [{ path: 'slug', message: `is taken by another ${noun}` }],
    });
  }
  const base = slugify(wanted.title, noun);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = nextSlug(base, await takenSlugs(tx, table, tenantId, base));
    if (await insert(slug)) return slug;
  }
  throw new AppError('conflict', 'No free slug was found; retry.', { code: 'slug_conflict', retryAfter: 1 });
}
