import { paymentNotFound } from '../domain/payments/get-payment';
import { isPaymentId } from './schemas';

/** The platform's shared checks under this service's names. */
export {
  assertStoreRequest as assertTenantRequest,
  assertServiceForStore as assertServiceCaller,
} from '@fleet/tenancy';

export function paymentIdParam(value: unknown): string {
  if (!isPaymentId(value)) throw paymentNotFound();
  return value;
}
