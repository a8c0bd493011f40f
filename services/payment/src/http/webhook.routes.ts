import express, { Router } from 'express';
import { requestCtx } from '@fleet/tenancy';
import type { PaymentDeps } from '../domain/payment-deps';
import { handleWebhook } from '../domain/webhooks/handle-webhook';
import { assertTenantRequest } from './guards';

const WEBHOOK_BODY_LIMIT = '512kb';

/**
 * `POST /api/webhooks/{provider}`: one pipeline for every provider. Signatures cover the exact
 * bytes, so this router reads the RAW body itself and must be mounted before any JSON parser.
 */
export function webhookRoutes(deps: PaymentDeps): Router {
  const router = Router();
  router.post(
    '/api/webhooks/:provider',
    express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT }),
    async (req, res) => {
      const ctx = requestCtx(res);
      assertTenantRequest(ctx);
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { stored, ignored } = await handleWebhook(ctx, deps, {
        provider: req.params.provider,
        rawBody,
        headers: req.headers,
      });
      res
        .status(200)
        .json(ignored ? { received: true, ignored: true } : { received: true, duplicate: !stored });
    },
  );
  return router;
}
