import { Router, type Request, type Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '@fleet/errors';
import { instanceOf, parseBody } from '@fleet/http';
import { checkout } from '../domain/checkout';
import type { CheckoutAnswer, CheckoutDeps } from '../domain/checkout-deps';
import { storeCtx } from './guards';
import { checkoutBody, idempotencyKeyOf } from './schemas';

/** Writes order's answer (or the kept first answer) as the shopper's. */
function send(req: Request, res: Response, answer: CheckoutAnswer & { replayed: boolean }): void {
  if (answer.retryAfter !== undefined) res.setHeader('Retry-After', String(Math.ceil(answer.retryAfter)));
  if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
  res.status(answer.status);
  if (answer.status < 400) {
    res.json(answer.body);
    return;
  }
  // A problem from order, members kept (e.g. out_of_stock `details`); the instance is ours.
  res.type(PROBLEM_CONTENT_TYPE).send(JSON.stringify({ ...answer.body, instance: instanceOf(req) }));
}

/** `POST /api/store/checkout` on a store host (guests and customers). */
export function checkoutRoutes(deps: CheckoutDeps): Router {
  const router = Router();
  router.post('/api/store/checkout', async (req, res) => {
    const ctx = storeCtx(res);
    const key = idempotencyKeyOf(req);
    const input = parseBody(checkoutBody, req);
    send(req, res, await checkout(ctx, deps, key, input));
  });
  return router;
}
