import type { z } from 'zod';
import type { SagaUnit } from '../saga/saga-unit';

/** How the order saga reacts to one event type: in the inbox transaction, order and saga locked. */
export interface Reaction<T> {
  type: string;
  schema: z.ZodType<T>;
  orderIdOf(data: T): string;
  apply(unit: SagaUnit, data: T): Promise<void>;
}
