import type { Request, Response } from 'express';
import { AppError, type Problem } from '@fleet/errors';
import { parseParams, problemFor, sendProblem } from '@fleet/http';
import { orderNotFound } from '../domain/order-errors';
import { ORDER_ID, orderIdParams } from './schemas';

/** The order id of the path; a malformed id is as unknown as another tenant's (404). */
export function orderIdOf(req: Request): string {
  const { id } = parseParams(orderIdParams, req);
  if (!ORDER_ID.test(id)) throw orderNotFound();
  return id;
}

/** Bodies are optional on action endpoints: a missing body reads as `{}`. */
export function withBody(req: Request): Request {
  req.body ??= {};
  return req;
}

/** A 4xx problem with extra members (e.g. the out-of-stock details another service gave). */
export function sendRichProblem(
  req: Request,
  res: Response,
  status: 'business_rule' | 'conflict',
  problem: { code: string; detail: string; extra?: Record<string, unknown> },
): void {
  const base = problemFor(new AppError(status, problem.detail, { code: problem.code }), req);
  sendProblem(res, { ...problem.extra, ...base } as Problem);
}
