import { createHash } from 'node:crypto';
import type { CreateOrderRequest } from '@fleet/contracts';

/** The contract's body plus the store's unpaid-order timeout, which checkout reads with the rates. */
export interface CreateOrderInput extends CreateOrderRequest {
  unpaidOrderTimeoutMinutes?: number;
}

/** A stable fingerprint of the request: a retried checkout must send the same body. */
export function requestHash(input: CreateOrderInput): string {
  return createHash('sha256').update(stableJson(input)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
