import type { SagaStep } from '../saga-step';
import type { StepName } from '../saga-types';
import { awaitPaymentStep } from './await-payment.step';
import { awaitRefundStep } from './await-refund.step';
import { commitInventoryStep } from './commit-inventory.step';
import { createPaymentStep } from './create-payment.step';
import { refundPaymentStep } from './refund-payment.step';
import { releaseInventoryStep } from './release-inventory.step';
import { reserveInventoryStep } from './reserve-inventory.step';
import { restockInventoryStep } from './restock-inventory.step';

/** Every step that runs a remote call, by name (create-order.step runs inside the create request). */
export const STEPS: Readonly<Partial<Record<StepName, SagaStep>>> = Object.fromEntries(
  [
    reserveInventoryStep,
    createPaymentStep,
    awaitPaymentStep,
    commitInventoryStep,
    releaseInventoryStep,
    restockInventoryStep,
    refundPaymentStep,
    awaitRefundStep,
  ].map((step) => [step.name, step]),
);
