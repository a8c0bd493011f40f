import { Router } from 'express';
import { parseBody } from '@fleet/http';
import { guard, serviceCtx } from '@fleet/tenancy';
import { quoteShipping } from '../domain/quote-shipping';
import type { ShipmentDeps } from '../domain/shipment-deps';
import { quoteBody } from './schemas';

/** Shipment's internal API: checkout asks for the store carrier's rate. */
export function internalRoutes(deps: ShipmentDeps): Router {
  const router = Router();
  router.use('/internal', guard(serviceCtx));

  router.post('/internal/shipping-quotes', async (req, res) => {
    const ctx = serviceCtx(res);
    const { shippingFlatRate, ...parcel } = parseBody(quoteBody, req);
    res.json(await quoteShipping(ctx, deps, parcel, { shippingFlatRate }));
  });

  return router;
}
