import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { createStaff } from '../domain/create-staff';
import type { IdentityDeps } from '../domain/identity-deps';
import { rotateSigningKey } from '../domain/rotate-signing-key';
import { assertServiceCaller } from './guards';
import { staffBody } from './schemas';

/** Identity's internal API: staff accounts (merchant sign-up) and key rotation, for services only. */
export function internalRoutes(deps: IdentityDeps): Router {
  const router = Router();

  router.use('/internal', (_req, res, next) => {
    assertServiceCaller(requestCtx(res));
    next();
  });

  router.post('/internal/staff', async (req, res) => {
    const body = parseBody(staffBody, req);
    const { created, ...result } = await createStaff(requestCtx(res), deps, body);
    res
      .set('cache-control', 'no-store')
      .status(created ? 201 : 200)
      .json(result);
  });

  router.post('/internal/keys/rotate', async (_req, res) => {
    res.status(201).json(await rotateSigningKey(deps));
  });

  return router;
}
