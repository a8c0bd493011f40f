const MAX_TERMS = 10;
const MAX_TERM_LENGTH = 64;

/**
 * The words of a query: lower case, letters (with their marks) and digits only, so they are safe
 * inside a tsquery; at most 10 of them, like Meilisearch's limit on query words.
 */
export function searchTerms(q: string): string[] {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, MAX_TERMS)
    .map((word) => word.slice(0, MAX_TERM_LENGTH));
}
