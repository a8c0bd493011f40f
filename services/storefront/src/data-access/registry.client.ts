import type { SignUpBody, SignUpResult } from '@fleet/api-contract';
import type { Answer, CallCtx, InternalCaller } from './internal-call';

export interface StoreInfo {
  name: string;
  currency: string;
  theme: Record<string, unknown>;
  payment: { provider: string; publicKey?: string };
  /** Added by the test-mode work; absent means test mode when the provider is `offline`. */
  testMode?: boolean;
}

export interface StoreRates {
  currency: string;
  shippingFlatRate: number;
  taxRateBps: number;
}

/** Sign-up's body and answer are the public contract's (the apex form posts the same fields). */
export type { SignUpBody as SignUpInput, SignUpResult } from '@fleet/api-contract';

/** The tenant registry: store info and rates of the request's store, and merchant sign-up. */
export function createRegistryClient(caller: InternalCaller) {
  return {
    async storeInfo(ctx: CallCtx): Promise<StoreInfo | null> {
      const answer = await caller.call<StoreInfo>(ctx, { path: '/api/store/info' });
      return answer.status === 200 ? answer.body : null;
    },
    async rates(ctx: CallCtx): Promise<StoreRates | null> {
      const answer = await caller.call<StoreRates>(ctx, { path: '/internal/store-rates', asService: true });
      return answer.status === 200 ? answer.body : null;
    },
    signUp(ctx: CallCtx, input: SignUpBody, idempotencyKey: string): Promise<Answer<SignUpResult>> {
      return caller.call(ctx, {
        path: '/api/signup',
        body: input,
        headers: { 'idempotency-key': idempotencyKey },
      });
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
