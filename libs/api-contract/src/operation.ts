import type { z } from 'zod';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Door = 'apex' | 'console' | 'store';

/**
 * Who may call an operation. `public`: anyone (a bearer token, when sent, must still be valid and
 * for this host); `session`: the web app's HttpOnly session cookie; otherwise a bearer token with
 * that role, issued for this host's tenant.
 */
export type Auth = 'public' | 'session' | 'customer' | 'staff' | 'platform_admin';

/** An error status an operation can answer, besides the ones every operation of its kind can. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/**
 * One public operation: the single declaration that the service's route validates with, the
 * gateway documents (OpenAPI 3.1) and the web apps take their types from (`z.infer`).
 */
export interface Operation {
  method: Method;
  /** OpenAPI form: `/api/store/carts/{id}` (the route itself uses `:id`). */
  path: string;
  door: Door;
  auth: Auth;
  summary: string;
  description?: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body's media type when it is not JSON (the CSV import). */
  bodyType?: 'text/csv';
  /** The body may be absent (action endpoints read an absent body as `{}`). */
  bodyOptional?: boolean;
  idempotencyKey?: 'required' | 'optional';
  /** The success status and its body (none for 204). */
  status: 200 | 201 | 202 | 204;
  response?: z.ZodType;
  /** The success body's media type when it is not JSON (the CSV export, a tenant archive): `response` is its text. */
  responseType?: 'text/csv' | 'application/gzip';
  /** Other success statuses with the same body (e.g. 200 for a repeat of a create). */
  alsoStatus?: readonly (200 | 201)[];
  errors: readonly ErrorStatus[];
}

/** Declares operations keyed by name, keeping each one's literal types for `z.infer`. */
export function operations<const T extends Record<string, Operation>>(ops: T): T {
  return ops;
}
