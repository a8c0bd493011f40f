import { AppError } from '@fleet/errors';

export const shipmentNotFound = (): AppError =>
  new AppError('not_found', 'There is no such shipment in this store.', { code: 'shipment_not_found' });
