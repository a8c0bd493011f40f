/** Slugs of products, categories and collections: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

/** A slug from a title: accents dropped, anything else not a-z0-9 becomes a hyphen. */
export function slugify(title: string, fallback = 'item'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX - 6) // room for a "-12345" suffix
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The next free slug: `base` itself, else `base-N` with N one above the highest taken. */
export function nextSlug(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  let highest = 1;
  for (const slug of taken) {
    const suffix = slug.slice(base.length + 1);
    if (slug.startsWith(`${base}-`) && /^\d{1,6}$/.test(suffix)) highest = Math.max(highest, Number(suffix));
  }
  return `${base}-${highest + 1}`;
}
