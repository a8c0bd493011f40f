/**
 * The shape of a store's slug (its subdomain): 3-40 chars of a-z, 0-9 and inner hyphens. Which
 * slugs a new store may take (reserved names, no double hyphen) is the registry's rule
 * (`tenancy/registry/src/domain/slug-rules.ts`).
 */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;
