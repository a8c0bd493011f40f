import { AppError, ERROR_TYPES, type ErrorType, type FieldError } from './app-error';

/** RFC 9457 problem details, as every API of the platform answers errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<ErrorType, string> = {
  validation: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  business_rule: 'Request cannot be fulfilled',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/** Maps any thrown value to a problem. Unknown errors never leak their message. */
export function toProblem(err: unknown, instance?: string): Problem {
  const appError = isKnown(err) ? err : new AppError('internal', 'An unexpected error occurred.');
  const problem: Problem = {
    type: `https://errors.fleet.dev/${appError.code}`,
    title: TITLES[appError.type],
    status: ERROR_TYPES[appError.type],
    detail: appError.message,
    code: appError.code,
  };
  if (appError.errors?.length) problem.errors = appError.errors;
  if (instance) problem.instance = instance;
  return problem;
}

function isKnown(err: unknown): err is AppError {
  return err instanceof AppError;
}
