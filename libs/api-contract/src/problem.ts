import { z } from 'zod';

/** application/problem+json (RFC 9457) as every service and the gateway answer it (libs/errors). */
export const problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int().min(400).max(599),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export type Problem = z.infer<typeof problem>;

/** What each error status means across the API (docs/api.md, "Errors"). */
export const ERROR_MEANING: Record<number, string> = {
  400: 'Bad input: `validation_failed` with `errors: [{path, message}]`, `invalid_cursor`, …',
  401: 'No token where one is needed (`token_required`) or a token that does not verify (`token_invalid`)',
  403: 'A token for another tenant or door (`wrong_tenant`) or without the role (`wrong_role`)',
  404: 'Unknown, or another tenant’s: never told apart',
  409: 'A conflict with the current state (`slug_taken`, `idempotency_key_reused`, `invalid_transition`, …)',
  413: 'A body over the limit',
  422: 'A business rule (`out_of_stock`, `invalid_credentials`, …)',
  429: 'Rate limited (`rate_limited`), with `Retry-After`',
  503: 'Suspended store, upstream down or slow, or work still settling; with `Retry-After`',
};
