import { Router } from 'express';
import type { IdentityDeps } from '../domain/identity-deps';

export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The public keys that verify access tokens (active and recently retired). Served without a
 * signed context: verifiers fetch it directly. Read fresh each time, so a key created by any
 * instance is published before a token signed with it can reach a verifier.
 */
export function jwksRoutes(deps: IdentityDeps): Router {
  const router = Router();
  router.get(JWKS_PATH, async (_req, res) => {
    res.set('cache-control', 'no-cache').json({ keys: await deps.keys.publicKeys() });
  });
  return router;
}
