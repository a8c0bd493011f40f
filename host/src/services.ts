import { start as cart } from '@fleet/cart';
import { start as catalog } from '@fleet/catalog';
import { start as checkout } from '@fleet/checkout';
import { start as gateway } from '@fleet/gateway';
import type { RunningHttpServer, ServiceStartOptions } from '@fleet/http';
import { start as identity } from '@fleet/identity';
import { start as engagement } from '@fleet/engagement';
import { start as inventory } from '@fleet/inventory';
import { start as notification } from '@fleet/notification';
import { start as order } from '@fleet/order';
import { start as payment } from '@fleet/payment';
import { start as search } from '@fleet/search';
import { start as shipment } from '@fleet/shipment';
import { start as storefront } from '@fleet/storefront';
import { start as tenancy } from '@fleet/tenancy-registry';

export type StartService = (
  env: NodeJS.ProcessEnv,
  options?: ServiceStartOptions,
) => Promise<RunningHttpServer>;

/** Every service the host can run, by the name scripts/services.js gives it. */
export const startersByName: Readonly<Record<string, StartService>> = {
  tenancy,
  identity,
  catalog,
  search,
  inventory,
  engagement,
  payment,
  order,
  cart,
  checkout,
  shipment,
  storefront,
  notification,
  gateway,
};
