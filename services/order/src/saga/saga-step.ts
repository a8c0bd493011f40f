import type { TenantCtx } from '@fleet/context';
import type { RemoteProblem } from '../data-access/service-http';
import type { SagaDeps } from '../domain/order-deps';
import type { Compensation, SagaData, StepName } from './saga-types';
import type { ClaimedStep, SagaUnit } from './saga-unit';

type Apply = (unit: SagaUnit) => Promise<void> | void;

/**
 * What a step (or a reaction to an event) came to. It never names what runs next: the
 * orchestrator reads that from the declaration (order-saga.ts). Applied in the recording
 * transaction only if the saga is still at the claimed step under the same claim; `keep` (facts
 * that stay true, e.g. the payment id) is applied even when someone else moved the saga meanwhile.
 * - done: the step (`step`, else the one that ran) did its part; `record` keeps what it learnt;
 * - retry: the callee could not answer now (unreachable, timeout, 5xx): try again after a delay;
 * - fail: a refusal nothing explains: an operator must look;
 * - reject: the order is refused before acceptance (REJECTED), `stock` says what to give back;
 * - cancel: the accepted order cannot go on (CANCEL_REQUESTED, then CANCELLED);
 * - wait: the waiting step waits longer, until `until`;
 * - plan: what the compensation learnt (a confirmation, or the stock is in another state);
 * - refund: money arrived for an order that will not ship;
 * - decide: which of the above only the locked order can tell (the same rule an event applies);
 * - ignore: nothing changes (an event that came too late or too early to matter).
 */
export type Outcome =
  | { kind: 'done'; step?: StepName; detail?: string; record?: Apply; keep?: Apply }
  | { kind: 'retry'; error: string }
  | { kind: 'fail'; error: string }
  | { kind: 'reject'; rejection: Rejection; stock: Compensation['stock']; detail?: string }
  | { kind: 'cancel'; plan: CancelPlan; detail?: string }
  | { kind: 'wait'; until: Date; why: string; detail?: string; record?: Apply }
  | { kind: 'plan'; patch: Partial<Compensation>; detail?: string }
  | { kind: 'refund' }
  | { kind: 'decide'; detail?: string; decide(unit: SagaUnit): Promise<Outcome> }
  | { kind: 'ignore' };

export type Rejection = NonNullable<SagaData['rejection']>;

export type CancelPlan = Pick<Compensation, 'reason' | 'stock'> & { refund?: boolean };

/**
 * One saga step: one idempotent remote call keyed by the order id, in a file of its own. Its
 * `name` is what the saga's row stores; the names' union (`StepName`) is read from the steps
 * order-saga.ts declares, so a step is named once, in its own file.
 */
export interface SagaStep<Name extends string = string> {
  readonly name: Name;
  /** Runs OUTSIDE any DB transaction; its outcome is recorded afterwards. */
  run(ctx: TenantCtx, deps: SagaDeps, state: ClaimedStep): Promise<Outcome>;
}

/** Declares a step, keeping its name's literal type (the `StepName` union derives from it). */
export const defineStep = <const Name extends string>(step: SagaStep<Name>): SagaStep<Name> => step;

export const done = (extra: Omit<Extract<Outcome, { kind: 'done' }>, 'kind'> = {}): Outcome => ({
  kind: 'done',
  ...extra,
});

export const retry = (error: string): Outcome => ({ kind: 'retry', error });

export const fail = (error: string): Outcome => ({ kind: 'fail', error });

export const reject = (
  rejection: Rejection,
  extra: { stock?: Compensation['stock']; detail?: string } = {},
): Outcome => ({ kind: 'reject', rejection, stock: extra.stock ?? 'release', detail: extra.detail });

export const cancel = (plan: CancelPlan, detail?: string): Outcome => ({ kind: 'cancel', plan, detail });

export const plan = (patch: Partial<Compensation>, detail?: string): Outcome => ({
  kind: 'plan',
  patch,
  detail,
});

export const ignore: Outcome = { kind: 'ignore' };

export const describeProblem = (status: number, p: RemoteProblem): string =>
  `${status} ${p.code}: ${p.detail}`;

export const isPast = (at: Date): boolean => at.getTime() <= Date.now();
