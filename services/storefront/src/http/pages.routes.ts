import { Router, type NextFunction, type Request, type Response } from 'express';
import { hasTenant } from '@fleet/context';
import { isAppError } from '@fleet/errors';
import { requestCtx } from '@fleet/tenancy';
import type { StorefrontDeps } from '../domain/storefront-deps';
import { engagementRoutes } from './engagement.routes';
import { accountRecoveryRoutes } from './account-recovery.routes';
import { accountRoutes } from './account.routes';
import { cartRoutes } from './cart.routes';
import { catalogRoutes, sendStoreNotFound } from './catalog.routes';
import { checkoutRoutes } from './checkout.routes';
import { orderRoutes } from './orders.routes';
import { razorpayRoutes } from './razorpay.routes';
import { platformRoutes, unknownStoreRoutes } from './platform.routes';
import { sendStorePage } from './render';
import { searchRoutes } from './search.routes';
import { seoRoutes } from './seo.routes';
import { shopMiddleware, shopOf } from './shop';

/**
 * Every page, by what the gateway's signed context says about the host: no store there (404
 * page), the apex (sign-up), a suspended store (503 page), or a store (its shop).
 */
export function pageRoutes(deps: StorefrontDeps): Router {
  const unknown = unknownStoreRoutes(deps);
  const apex = platformRoutes(deps);
  const store = storeRoutes(deps);
  const router = Router();
  router.use((req, res, next) => {
    const ctx = requestCtx(res);
    if (ctx.storeStatus === 'unknown') return unknown(req, res, next);
    if (!hasTenant(ctx)) return apex(req, res, next);
    return store(req, res, next);
  });
  router.use(pageErrors(deps));
  return router;
}

function storeRoutes(deps: StorefrontDeps): Router {
  const router = Router();
  router.use(shopMiddleware(deps));
  router.use((req, res, next) => {
    if (requestCtx(res).storeStatus !== 'suspended') return next();
    res.setHeader('retry-after', '3600');
    const shop = shopOf(res);
    return sendStorePage(deps, req, res, {
      template: 'unavailable',
      status: 503,
      data: {},
      meta: { title: `${shop.info.name} is temporarily unavailable`, robots: 'noindex' },
    });
  });
  router.use(seoRoutes(deps));
  router.use(catalogRoutes(deps));
  router.use(searchRoutes(deps));
  router.use(cartRoutes(deps));
  router.use(checkoutRoutes(deps));
  router.use(orderRoutes(deps));
  router.use(razorpayRoutes(deps));
  router.use(accountRoutes(deps));
  router.use(engagementRoutes(deps));
  router.use(accountRecoveryRoutes(deps));
  router.use((req, res) => sendStoreNotFound(deps, req, res));
  return router;
}

/** A page that failed (a service down): a short HTML page, never a stack or a JSON problem. */
function pageErrors(deps: StorefrontDeps) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const status = isAppError(err) && err.status < 500 ? err.status : 503;
    if (!isAppError(err) || err.status >= 500) deps.logger.warn({ err, path: req.path }, 'page failed');
    res.status(status).setHeader('cache-control', 'no-store');
    if (status === 503) res.setHeader('retry-after', '5');
    res
      .type('text/html')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
          `<title>${status === 503 ? 'Back in a moment' : 'Something went wrong'}</title></head><body><main>` +
          `<h1>${status === 503 ? 'Back in a moment' : 'Something went wrong'}</h1>` +
          '<p>The shop could not show this page just now. Please try again in a few seconds.</p><p><a href="/">Home</a></p>' +
          '</main></body></html>',
      );
  };
}
