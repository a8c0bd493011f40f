import type { z } from 'zod';
import type { Outcome } from '../saga/saga-step';
import type { SagaUnit } from '../saga/saga-unit';

/**
 * How the order saga reacts to one event type, in the inbox transaction with the order and saga
 * locked: it records what the event says and answers with an outcome (e.g. `await_payment` is
 * done, cancel, a refund is confirmed). The orchestrator applies it and picks what runs next.
 */
export interface Reaction<T> {
  type: string;
  schema: z.ZodType<T>;
  orderIdOf(data: T): string;
  react(unit: SagaUnit, data: T): Promise<Outcome>;
}
