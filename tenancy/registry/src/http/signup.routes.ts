import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { signUpBody } from '@fleet/api-contract';
import type { RegistryDeps } from '../domain/registry-deps';
import { signUp } from '../domain/sign-up';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The client's Idempotency-Key (optional, 1-255 visible ASCII characters) or a fresh one. */
function idempotencyKeyOf(req: Request): string {
  const value = req.header('idempotency-key');
  if (value === undefined) return randomUUID();
  if (IDEMPOTENCY_KEY.test(value)) return value;
  throw new AppError('validation', 'The Idempotency-Key header is invalid.', {
    code: 'validation_failed',
    errors: [{ path: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' }],
  });
}

/**
 * `POST /api/signup` on the apex host: a new merchant gets a live store and an owner token (201).
 * The answer names its Idempotency-Key (the client's, or one chosen for it): the same key with the
 * same body within 15 minutes returns the first answer (`Idempotent-Replayed: true`) or finishes a
 * sign-up that failed half-way.
 */
export function signUpRoutes(deps: RegistryDeps & { signingKey: string }): Router {
  const router = Router();
  router.post('/api/signup', async (req, res) => {
    const idempotencyKey = idempotencyKeyOf(req);
    res.set({ 'idempotency-key': idempotencyKey, 'cache-control': 'no-store' });
    const body = parseBody(signUpBody, req);
    const { replayed, result } = await signUp(requestCtx(res), deps, body, {
      idempotencyKey,
      secret: deps.signingKey,
    });
    if (replayed) res.set('idempotent-replayed', 'true');
    res.status(201).json(result);
  });
  return router;
}
