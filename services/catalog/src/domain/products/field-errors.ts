import { isAppError, type FieldError } from '@fleet/errors';
import type { z } from 'zod';

/** Zod issues as `{path, message}`; an unknown key is named by its own path. */
export function fieldErrors(issues: ReadonlyArray<z.core.$ZodIssue>): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'Unrecognized key.' }))
      : [{ path: issue.path.map(String).join('.') || '(root)', message: issue.message }],
  );
}

export interface ItemFailure {
  code: string;
  errors: FieldError[];
}

/** How one failed item of a batch is reported: its AppError, or a generic internal error. */
export function itemFailure(err: unknown): ItemFailure {
  if (!isAppError(err))
    return { code: 'internal', errors: [{ path: '(item)', message: 'An unexpected error occurred.' }] };
  return {
    code: err.code,
    errors: err.errors?.length ? err.errors : [{ path: '(item)', message: err.message }],
  };
}
