import { AppError } from '@fleet/errors';

interface HttpErrorLike {
  type: string;
  status: number;
}

function isBodyParserError(err: unknown): err is HttpErrorLike {
  if (typeof err !== 'object' || err === null) return false;
  const { type, status } = err as Partial<HttpErrorLike>;
  return typeof type === 'string' && typeof status === 'number';
}

/**
 * Translates the errors express's body parser raises into AppErrors; anything else is returned
 * as undefined. Other client-side parser errors (unsupported charset, aborted upload) become a
 * plain 400, since the closed set of error types has no 415.
 */
export function fromBodyParserError(err: unknown): AppError | undefined {
  if (!isBodyParserError(err)) return undefined;
  if (err.type === 'entity.parse.failed') {
    return new AppError('validation', 'The request body is not valid JSON.', {
      code: 'malformed_json',
      cause: err,
    });
  }
  if (err.type === 'entity.too.large') {
    return new AppError('payload_too_large', 'The request body is too large.', {
      code: 'payload_too_large',
      cause: err,
    });
  }
  if (err.status >= 400 && err.status < 500) {
    return new AppError('validation', 'The request body could not be read.', {
      code: 'bad_request',
      cause: err,
    });
  }
  return undefined;
}
