import { Router, type Request } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import {
  emptyBody,
  idParams,
  receiveReturnBody,
  returnListQuery,
  returnRequestBody,
  returnSettingsBody,
} from '@fleet/api-contract';
import { guard, staffCtx, storeCtx } from '@fleet/tenancy';
import type { OrderDeps } from '../domain/order-deps';
import { decideReturn, receiveReturn } from '../domain/returns/decide-return';
import { requestReturn } from '../domain/returns/request-return';
import { listReturnPage } from '../domain/returns/list-returns';
import { refundReturn } from '../domain/returns/refund-return';
import { getReturnSettings, updateReturnSettings } from '../domain/returns/return-settings';
import { orderIdOf, withBody } from './route-helpers';
import { tokenQuery } from './schemas';

const RETURN_SETTINGS = '/api/admin/settings/returns';

/** Returns: the shopper asks (guest token or customer), the store's staff decide. */
export function returnRoutes(deps: OrderDeps): Router {
  const router = Router();
  router.use('/api/admin/returns', guard(staffCtx));
  router.use(RETURN_SETTINGS, guard(staffCtx));

  router.post('/api/store/orders/:id/returns', async (req, res) => {
    const ctx = storeCtx(res);
    const { token } = parseQuery(tokenQuery, req);
    const request = parseBody(returnRequestBody, req);
    res.status(201).json(await requestReturn(ctx, deps, orderIdOf(req), { token }, request));
  });

  router.get('/api/admin/returns', async (req, res) => {
    res.json(await listReturnPage(staffCtx(res), deps, parseQuery(returnListQuery, req)));
  });

  const idOf = (req: Request) => parseParams(idParams, req).id;
  router.post('/api/admin/returns/:id/accept', async (req, res) => {
    parseBody(emptyBody, withBody(req));
    res.json(await decideReturn(staffCtx(res), deps, idOf(req), 'ACCEPTED'));
  });
  router.post('/api/admin/returns/:id/reject', async (req, res) => {
    parseBody(emptyBody, withBody(req));
    res.json(await decideReturn(staffCtx(res), deps, idOf(req), 'REJECTED'));
  });
  router.post('/api/admin/returns/:id/receive', async (req, res) => {
    const { restock } = parseBody(receiveReturnBody, req);
    res.json(await receiveReturn(staffCtx(res), deps, idOf(req), restock));
  });
  router.post('/api/admin/returns/:id/refund', async (req, res) => {
    parseBody(emptyBody, withBody(req));
    res.json(await refundReturn(staffCtx(res), deps, idOf(req)));
  });

  router.get(RETURN_SETTINGS, async (_req, res) => {
    res.json(await getReturnSettings(staffCtx(res), deps));
  });
  router.put(RETURN_SETTINGS, async (req, res) => {
    const { returnWindowDays } = parseBody(returnSettingsBody, req);
    res.json(await updateReturnSettings(staffCtx(res), deps, returnWindowDays));
  });

  return router;
}
