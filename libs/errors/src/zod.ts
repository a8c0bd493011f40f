import { AppError, type FieldError } from './app-error';

/** The shape of a zod issue we rely on; kept structural so this lib does not depend on zod. */
interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** Turns schema issues into a 400 naming every bad field. */
export function validationError(
  issues: ReadonlyArray<IssueLike>,
  detail = 'The request is invalid.',
): AppError {
  const errors: FieldError[] = issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  return new AppError('validation', detail, { code: 'validation_failed', errors });
}
