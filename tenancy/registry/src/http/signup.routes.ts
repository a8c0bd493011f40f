import { randomUUID } from 'node:crypto';
import { Router, type Request } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import type { RegistryDeps } from '../domain/registry-deps';
import { signUp } from '../domain/sign-up';

const signUpBody = z.strictObject({
  storeName: z.string().trim().min(1).max(120),
  slug: z.string().min(1).max(64),
  email: z.email().max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(128),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as US'),
});

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
