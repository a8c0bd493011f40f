import { AppError } from '@fleet/errors';

/** Also for another tenant's order or a wrong guest token: never reveal that an order exists. */
export const orderNotFound = (): AppError =>
  new AppError('not_found', 'No such order.', { code: 'order_not_found' });
