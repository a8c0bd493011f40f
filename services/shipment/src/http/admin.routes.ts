import { Router } from 'express';
import { parseBody, parseParams, parseQuery } from '@fleet/http';
import { guard, staffCtx } from '@fleet/tenancy';
import { getShipment, listShipmentPage } from '../domain/get-shipment';
import { moveShipment } from '../domain/move-shipment';
import type { ShipmentDeps } from '../domain/shipment-deps';
import { getShippingSettings, updateShippingSettings } from '../domain/shipping-settings';
import { idParams, shipmentListQuery, shipmentTransitionBody, shippingSettingsBody } from './schemas';

const SETTINGS_PATH = '/api/admin/settings/shipping';

/** The merchant's carrier setting and shipments (staff of the store). */
export function adminRoutes(deps: ShipmentDeps): Router {
  const router = Router();
  router.use(SETTINGS_PATH, guard(staffCtx));
  router.use('/api/admin/shipments', guard(staffCtx));

  router.get(SETTINGS_PATH, async (_req, res) => {
    res.json(await getShippingSettings(staffCtx(res), deps));
  });

  router.put(SETTINGS_PATH, async (req, res) => {
    const ctx = staffCtx(res);
    res.json(await updateShippingSettings(ctx, deps, parseBody(shippingSettingsBody, req).carrier));
  });

  router.get('/api/admin/shipments', async (req, res) => {
    res.json(await listShipmentPage(staffCtx(res), deps, parseQuery(shipmentListQuery, req)));
  });

  router.get('/api/admin/shipments/:id', async (req, res) => {
    res.json(await getShipment(staffCtx(res), deps, parseParams(idParams, req).id));
  });

  router.post('/api/admin/shipments/:id/status', async (req, res) => {
    const ctx = staffCtx(res);
    const { id } = parseParams(idParams, req);
    const move = parseBody(shipmentTransitionBody, req);
    res.json(await moveShipment(ctx, deps, id, { ...move, source: 'merchant' }));
  });

  return router;
}
