import type { CreateOrderRequest } from '@fleet/contracts';
import { jsonFingerprint } from '@fleet/crypto';

/** The contract's body plus the store's unpaid-order timeout, which checkout reads with the rates. */
export interface CreateOrderInput extends CreateOrderRequest {
  unpaidOrderTimeoutMinutes?: number;
}

/** A stable fingerprint of the request: a retried checkout must send the same body. */
export function requestHash(input: CreateOrderInput): string {
  return jsonFingerprint(input);
}
