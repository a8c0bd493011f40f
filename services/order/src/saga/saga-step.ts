import type { TenantCtx } from '@fleet/context';
import type { RemoteProblem } from '../data-access/service-http';
import type { SagaDeps } from './saga-deps';
import type { ClaimedStep, SagaUnit } from './saga-unit';
import type { StepName } from './saga-types';

/**
 * What a step's remote call came to. `advance` is applied in the recording transaction only if
 * the saga is still at this step under this claim; `keep` (facts that stay true, e.g. the payment
 * id) is applied even when someone else moved the saga meanwhile.
 */
export type StepOutcome =
  | {
      kind: 'advance';
      detail?: string;
      apply(unit: SagaUnit): Promise<void> | void;
      keep?(unit: SagaUnit): Promise<void>;
    }
  | { kind: 'retry'; error: string }
  | { kind: 'fail'; error: string };

/** One saga step (Medusa style: one file each, with its compensation named beside it). */
export interface SagaStep {
  name: StepName;
  /** The remote call, idempotent (keyed by the order id); runs OUTSIDE any DB transaction. */
  run(ctx: TenantCtx, deps: SagaDeps, state: ClaimedStep): Promise<StepOutcome>;
}

export const advance = (
  apply: (unit: SagaUnit) => Promise<void> | void,
  extra: { detail?: string; keep?: (unit: SagaUnit) => Promise<void> } = {},
): StepOutcome => ({ kind: 'advance', apply, ...extra });

export const retry = (error: string): StepOutcome => ({ kind: 'retry', error });

export const fail = (error: string): StepOutcome => ({ kind: 'fail', error });

export const describeProblem = (status: number, p: RemoteProblem): string =>
  `${status} ${p.code}: ${p.detail}`;

export const isPast = (at: Date): boolean => at.getTime() <= Date.now();
