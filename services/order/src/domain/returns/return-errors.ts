import { AppError } from '@fleet/errors';

export const returnNotFound = (): AppError =>
  new AppError('not_found', 'There is no such return in this store.', { code: 'return_not_found' });

export const notReturnable = (
  detail: string,
  code: string,
  errors?: Array<{ path: string; message: string }>,
): AppError => new AppError('business_rule', detail, { code, errors });
