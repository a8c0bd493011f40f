import { nextCompensationStep } from '../src/saga/compensation';
import type { Compensation } from '../src/saga/saga-types';

const plan = (patch: Partial<Compensation>): Compensation => ({
  target: 'CANCELLED',
  reason: 'test',
  stock: 'release',
  stockDone: false,
  refund: false,
  refundRequested: false,
  refundDone: false,
  ...patch,
});

test('stock goes back first, then the money; nothing left means the order can close', () => {
  expect(nextCompensationStep(plan({}))).toBe('release_inventory');
  expect(nextCompensationStep(plan({ stock: 'restock', refund: true }))).toBe('restock_inventory');
  expect(nextCompensationStep(plan({ stockDone: true, refund: true }))).toBe('refund_payment');
  expect(nextCompensationStep(plan({ stockDone: true, refund: true, refundRequested: true }))).toBe(
    'await_refund',
  );
  expect(nextCompensationStep(plan({ stockDone: true, refund: true, refundDone: true }))).toBeNull();
  expect(nextCompensationStep(plan({ stockDone: true }))).toBeNull();
});
