/** Only reads are retried: a write may have taken effect before the connection broke. */
export const isIdempotent = (method: string): boolean => method === 'GET' || method === 'HEAD';
