import type { TenantCtx } from '@fleet/context';
import type { CreatePaymentRequest, PaymentSyncView, PaymentView, RefundRequest } from '@fleet/contracts';
import type { RemoteResult, ServiceCaller } from './service-http';

/** What payment answers for a refund (fields beyond these are kept as they come). */
export interface RefundView {
  refundId?: string;
  id?: string;
  status?: string;
  amount?: number;
  [member: string]: unknown;
}

/** Payment's internal API. Creating a payment again for the same order returns the first one. */
export interface PaymentClient {
  create(ctx: TenantCtx, request: CreatePaymentRequest): Promise<RemoteResult<PaymentView>>;
  /** `idempotencyKey` makes a retried refund return the first one instead of refunding twice. */
  refund(
    ctx: TenantCtx,
    paymentId: string,
    request: RefundRequest,
    idempotencyKey: string,
  ): Promise<RemoteResult<RefundView>>;
  get(ctx: TenantCtx, paymentId: string): Promise<RemoteResult<PaymentView>>;
  /** Asks the provider for the payment's real state; a success it reports is applied first. */
  sync(ctx: TenantCtx, paymentId: string): Promise<RemoteResult<PaymentSyncView>>;
}

export function createPaymentClient(caller: ServiceCaller): PaymentClient {
  const path = (id: string) => `/internal/payments/${encodeURIComponent(id)}`;
  return {
    create: (ctx, request) => caller.call(ctx, 'POST', '/internal/payments', request),
    refund: (ctx, id, request, key) =>
      caller.call(ctx, 'POST', `${path(id)}/refunds`, request, { 'idempotency-key': key }),
    get: (ctx, id) => caller.call(ctx, 'GET', path(id)),
    sync: (ctx, id) => caller.call(ctx, 'POST', `${path(id)}/sync`),
  };
}
