import { Router } from 'express';
import { AppError } from '@fleet/errors';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import type { Logger } from '@fleet/logger';
import { requestCtx } from '@fleet/tenancy';
import { z } from 'zod';
import type { DeadLetterDeps } from '../domain/dead-letter-sources';
import { discardDeadLetter } from '../domain/discard-dead-letter';
import { listDeadLetters, findDeadLetter } from '../domain/list-dead-letters';
import { listDiscardedDeadLetters } from '../domain/list-discarded-dead-letters';
import type { RegistryDeps } from '../domain/registry-deps';
import { replayDeadLetters } from '../domain/replay-dead-letters';
import { assertPlatformAdmin } from './guards';

const name = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a service or consumer name');
const ref = z.strictObject({
  service: name,
  consumer: name,
  messageId: z.string().min(1).max(200),
});

const listQuery = z.strictObject({
  service: name.optional(),
  eventType: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const discardedQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
const replayBody = z.strictObject({ letters: z.array(ref).min(1).max(50) });
const discardBody = ref.extend({
  reason: z.string().trim().min(3, 'say why (3 characters at least)').max(500),
});

export type DeadLetterRouteDeps = RegistryDeps & { deadLetters?: DeadLetterDeps; logger?: Logger };

/** `/api/platform/dead-letters`: the platform's failed events, for platform admins only. */
export function deadLetterRoutes(deps: DeadLetterRouteDeps): Router {
  const router = Router();
  router.use('/api/platform/dead-letters', (_req, res, next) => {
    assertPlatformAdmin(requestCtx(res));
    next();
  });

  router.get('/api/platform/dead-letters', async (req, res) => {
    res.json(await listDeadLetters(requestCtx(res), deps, parseQuery(listQuery, req)));
  });

  router.get('/api/platform/dead-letters/discarded', async (req, res) => {
    res.json(await listDiscardedDeadLetters(requestCtx(res), deps, parseQuery(discardedQuery, req)));
  });

  router.get('/api/platform/dead-letters/:service/:consumer/:messageId', async (req, res) => {
    const letter = await findDeadLetter(requestCtx(res), deps, parseParams(ref, req));
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
