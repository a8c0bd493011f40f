import type { Request, Response } from 'express';
import type { OutOfStockDetail } from '@fleet/contracts';
import { AppError } from '@fleet/errors';
import { problemFor, sendProblem } from '@fleet/http';

/**
 * 422 `out_of_stock`: the standard problem plus `details` (the OutOfStockDetail list) and one
 * `errors` entry per short line, pointing at its index in the request's `items`.
 */
export function sendOutOfStock(
  req: Request,
  res: Response,
  requested: ReadonlyArray<{ variantId: string }>,
  details: OutOfStockDetail[],
): void {
  const errors = details.map((detail) => ({
    path: `items.${requested.findIndex((item) => item.variantId === detail.variantId)}`,
    message: `only ${detail.available} available, ${detail.requested} requested`,
  }));
  const problem = problemFor(
    new AppError('business_rule', 'Not enough stock: nothing was reserved.', {
      code: 'out_of_stock',
      errors,
    }),
    req,
  );
  sendProblem(res, Object.assign(problem, { details }));
}
