import type { Ctx } from '@fleet/context';
import type { OrderRecord } from '../data-access/order.repository';
import { tokenMatches } from './order-token';

/** How a shopper proves the order is theirs: the guest token, or being its signed-in customer. */
export interface ShopperProof {
  token?: string;
}

export function shopperOwns(ctx: Ctx, order: OrderRecord, proof: ShopperProof): boolean {
  if (ctx.actor?.kind === 'customer' && ctx.actor.id && order.customerId === ctx.actor.id) return true;
  return tokenMatches(proof.token, order.accessTokenHash);
}
