import { AppError } from '@fleet/errors';

/** A live store's 403 to what only test mode allows (simulate, an offline payment). */
export function storeLive(what: string): AppError {
  return new AppError('forbidden', `${what} only works while the store is in test mode.`, {
    code: 'store_live',
  });
}

/** A live store's 409 to settings that would take it out of live payments (offline, test keys). */
export function liveStoreSettingsRefused(why: string): AppError {
  return new AppError('conflict', `The store is live: ${why}. Go back to test mode first.`, {
    code: 'store_live',
  });
}
