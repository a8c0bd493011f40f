import { Router } from 'express';
import { deliveriesQuery, notificationTemplateBody, notificationTypeParams } from '@fleet/api-contract';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { requestCtx } from '@fleet/tenancy';
import { listDeliveryPage } from '../domain/list-deliveries';
import type { NotificationDeps } from '../domain/notification-deps';
import { listTemplateViews, previewTemplate, removeTemplate, saveTemplate } from '../domain/templates';
import { assertStaff } from './guards';

const TEMPLATES = '/api/admin/notifications/templates';

/** The merchant's e-mail settings: template overrides with a preview, and the deliveries list. */
export function notificationRoutes(deps: NotificationDeps): Router {
  const router = Router();

  router.get(TEMPLATES, async (_req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json({ items: await listTemplateViews(ctx, deps) });
  });

  router.put(`${TEMPLATES}/:type`, async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const { type } = parseParams(notificationTypeParams, req);
    const body = parseBody(notificationTemplateBody, req);
    res.json(await saveTemplate(ctx, deps, type, { ...body, text: body.text ?? null }));
  });

  router.delete(`${TEMPLATES}/:type`, async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const { type } = parseParams(notificationTypeParams, req);
    await removeTemplate(ctx, deps, type);
    res.status(204).end();
  });

  router.post(`${TEMPLATES}/:type/preview`, async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    const { type } = parseParams(notificationTypeParams, req);
    const body = parseBody(notificationTemplateBody, req);
    res.json(await previewTemplate(ctx, deps, type, { ...body, text: body.text ?? null }));
  });

  router.get('/api/admin/notifications/deliveries', async (req, res) => {
    const ctx = requestCtx(res);
    assertStaff(ctx);
    res.json(await listDeliveryPage(ctx, deps, parseQuery(deliveriesQuery, req)));
  });

  return router;
}
