import { Router } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requestCtx } from '@fleet/tenancy';
import type { DeadLetterDeps } from '../domain/dead-letter-sources';
import { discardDeadLetter } from '../domain/discard-dead-letter';
import { listDeadLetters, findDeadLetter } from '../domain/list-dead-letters';
import { listDiscardedDeadLetters } from '../domain/list-discarded-dead-letters';
import type { RegistryDeps } from '../domain/registry-deps';
import { replayDeadLetters } from '../domain/replay-dead-letters';
import { assertPlatformAdmin } from './guards';
import { deadLetterQuery, deadLetterRef, discardBody, discardedQuery, replayBody } from './schemas';

export type DeadLetterRouteDeps = RegistryDeps & { deadLetters?: DeadLetterDeps; logger?: Logger };

/** `/api/platform/dead-letters`: the platform's failed events, for platform admins only. */
export function deadLetterRoutes(deps: DeadLetterRouteDeps): Router {
  const router = Router();
  router.use('/api/platform/dead-letters', (_req, res, next) => {
    assertPlatformAdmin(requestCtx(res));
    next();
  });

  router.get('/api/platform/dead-letters', async (req, res) => {
    res.json(await listDeadLetters(requestCtx(res), deps, parseQuery(deadLetterQuery, req)));
  });

  router.get('/api/platform/dead-letters/discarded', async (req, res) => {
    res.json(await listDiscardedDeadLetters(requestCtx(res), deps, parseQuery(discardedQuery, req)));
  });

  router.get('/api/platform/dead-letters/:service/:consumer/:messageId', async (req, res) => {
    const letter = await findDeadLetter(requestCtx(res), deps, parseParams(deadLetterRef, req));
    if (!letter) {
      throw new AppError('not_found', 'No such dead letter (replayed or discarded already?).', {
        code: 'dead_letter_not_found',
      });
    }
    res.json(letter);
  });

  router.post('/api/platform/dead-letters/replay', async (req, res) => {
    const { letters } = parseBody(replayBody, req);
    res.json({ results: await replayDeadLetters(requestCtx(res), deps, letters) });
  });

  router.post('/api/platform/dead-letters/discard', async (req, res) => {
    res.json(await discardDeadLetter(requestCtx(res), deps, parseBody(discardBody, req)));
  });
  return router;
}
