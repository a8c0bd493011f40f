import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, toProblem, type Problem } from '@fleet/errors';

/** The request path without its query string: the `instance` of a problem. */
export function instanceOf(req: Request): string {
  const url = req.originalUrl || req.url;
  const queryAt = url.indexOf('?');
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

/** Writes a problem as `application/problem+json`, with `Retry-After` when given. */
export function sendProblem(res: Response, problem: Problem, retryAfter?: number): void {
  if (retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

/** Maps any thrown value to a problem for this request (unknown errors leak nothing). */
export function problemFor(err: unknown, req: Request): Problem {
  return toProblem(err, instanceOf(req));
}
