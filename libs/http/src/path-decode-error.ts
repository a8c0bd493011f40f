import { AppError } from '@fleet/errors';

/**
 * Express's router cannot percent-decode a path parameter that is not UTF-8 (`/orders/%ED%A0%80`,
 * `/orders/%zz`): it raises a URIError marked 400, which is the client's error, not a 500.
 */
export function fromPathDecodeError(err: unknown): AppError | undefined {
  if (!(err instanceof URIError) || (err as { status?: unknown }).status !== 400) return undefined;
  return new AppError('validation', 'The path is not valid percent-encoded UTF-8.', {
    code: 'malformed_path',
    errors: [{ path: '(path)', message: 'must be valid percent-encoded UTF-8' }],
    cause: err,
  });
}
