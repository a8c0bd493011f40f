/**
 * The closed set of error types. Each maps to exactly one HTTP status in `problem.ts`;
 * add a type there and here together, never a status code in business code.
 */
export const ERROR_TYPES = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  business_rule: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorType = keyof typeof ERROR_TYPES;

export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** Machine-readable code for clients, e.g. `out_of_stock`, `slug_taken`. Defaults to the type. */
  code?: string;
  /** Per-field problems for `validation` errors. */
  errors?: FieldError[];
  /** Seconds a client should wait (429, 503). */
  retryAfter?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly type: ErrorType;
  readonly code: string;
  readonly errors: FieldError[] | undefined;
  readonly retryAfter: number | undefined;

  constructor(type: ErrorType, detail: string, options: AppErrorOptions = {}) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.type = type;
    this.code = options.code ?? type;
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return ERROR_TYPES[this.type];
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
