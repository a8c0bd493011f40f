import type { SagaDeps } from '../saga/saga-deps';

/** What the order use cases need; main.ts builds it from config, tests from fixtures. */
export interface OrderDeps extends SagaDeps {
  /** Derives guest order tokens (see order-token.ts). */
  tokenKey: Buffer;
  /** Used when checkout sends no `unpaidOrderTimeoutMinutes`. */
  unpaidOrderTimeoutMinutes: number;
  /** Unpaid (PENDING, unexpired) orders one e-mail address may hold in a store at once. */
  maxOpenCheckoutsPerEmail: number;
  /** How long a create call waits for a saga another call is running. */
  createWaitMs: number;
}
