import type { Ctx } from '@fleet/context';
import { AppError } from '@fleet/errors';
import { readSettings } from '../data-access/store-settings.repository';
import type { RegistryDeps } from './registry-deps';

export interface StoreInfo {
  name: string;
  currency: string;
  theme: { primaryColor?: string; logoUrl?: string };
  payment: { provider: string };
  /** Test mode: the storefront shows a banner; orders are test orders, paid without real money. */
  testMode: boolean;
}

export async function getStoreInfo(ctx: Ctx, deps: RegistryDeps): Promise<StoreInfo> {
  const settings = await deps.db.readAsTenant(ctx, readSettings);
  if (!settings) throw new AppError('not_found', 'This store has no settings.', { code: 'store_not_found' });
  return {
    name: settings.name,
    currency: settings.currency,
    theme: settings.theme,
    payment: { provider: settings.paymentProvider },
    testMode: settings.testMode,
  };
}
