import type { Request, Response } from 'express';
import { AppError, PROBLEM_CONTENT_TYPE, toProblem } from '@fleet/errors';

const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');

/** API callers get problem+json; browsers get a small page. */
export function answerError(req: Request, res: Response, error: AppError): void {
  const problem = toProblem(error, req.path);
  if (error.retryAfter !== undefined) res.setHeader('Retry-After', String(error.retryAfter));
  res.status(problem.status);
  if (isApi(req)) {
    res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
    return;
  }
  res.type('html').send(page(problem.title, problem.detail));
}

function page(title: string, detail: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(detail)}</p></body></html>`;
}

export const unknownHost = () =>
  new AppError('not_found', 'There is no store at this address.', { code: 'store_not_found' });

export const unknownRoute = () =>
  new AppError('not_found', 'Nothing is served at this path.', { code: 'route_not_found' });

export const suspendedStore = () =>
  new AppError('unavailable', 'This store is temporarily unavailable.', {
    code: 'store_suspended',
    retryAfter: 3600,
  });
