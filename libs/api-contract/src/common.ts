import { z } from 'zod';

/** Pieces several areas share: lists, money, ids, ISO codes. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD');
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US');
export const plan = z.enum(['free', 'basic', 'pro', 'enterprise']);

/** Lists: `?limit=` (1-100, default 20) and an opaque `?cursor=`. */
export const limit = z.coerce.number().int().min(1).max(100).default(20);

/** A list answer: `{items, nextCursor}`, `nextCursor` null on the last page. */
export const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({ items: z.array(item), nextCursor: z.string().nullable() });

/** A timestamp as the API writes it (ISO 8601, UTC). */
export const timestamp = z.string();

/** `{id}` in the path, checked for shape by the use case (a malformed id is a 404). */
export const idParams = z.strictObject({ id: z.string() });

/** Action endpoints that take no fields (an absent body reads as `{}`). */
export const emptyBody = z.strictObject({}).optional();
