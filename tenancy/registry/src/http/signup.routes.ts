import { Router } from 'express';
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

/** `POST /api/signup` on the apex host: a new merchant gets a live store and an owner token. */
export function signUpRoutes(deps: RegistryDeps): Router {
  const router = Router();
  router.post('/api/signup', async (req, res) => {
    const body = parseBody(signUpBody, req);
    const { created, ...result } = await signUp(requestCtx(res), deps, body);
    res.status(created ? 201 : 200).json(result);
  });
  return router;
}
