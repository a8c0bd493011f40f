import type { PaymentStatus } from '@fleet/contracts';
import {
  assertTransition,
  canTransition,
  PAYMENT_TRANSITIONS,
  statusAfterRefund,
} from '../src/domain/payments/payment-lifecycle';

const ALL: PaymentStatus[] = ['pending', 'succeeded', 'failed', 'partially_refunded', 'refunded'];

test('the declared transitions are exactly the allowed ones', () => {
  const allowed = ALL.flatMap((from) =>
    ALL.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`),
  );
  expect(allowed.sort()).toEqual(
    [
      'pending->succeeded',
      'pending->failed',
      'succeeded->partially_refunded',
      'succeeded->refunded',
      'partially_refunded->partially_refunded',
      'partially_refunded->refunded',
    ].sort(),
  );
  expect(Object.keys(PAYMENT_TRANSITIONS).sort()).toEqual([...ALL].sort());
});

test('duplicates and out-of-order moves are illegal; terminal states go nowhere', () => {
  expect(canTransition('succeeded', 'succeeded')).toBe(false); // a duplicate success
  expect(canTransition('failed', 'succeeded')).toBe(false);
  expect(canTransition('succeeded', 'failed')).toBe(false); // a late failure after success
  expect(canTransition('pending', 'refunded')).toBe(false);
  expect(canTransition('refunded', 'partially_refunded')).toBe(false);
  expect(PAYMENT_TRANSITIONS.failed).toEqual([]);
  expect(PAYMENT_TRANSITIONS.refunded).toEqual([]);
});

test('assertTransition throws a conflict naming both states', () => {
  expect(() => assertTransition('pending', 'succeeded')).not.toThrow();
  expect(() => assertTransition('failed', 'succeeded')).toThrow(
    expect.objectContaining({ type: 'conflict', code: 'illegal_payment_transition' }),
  );
  expect(() => assertTransition('refunded', 'refunded')).toThrow(/refunded to refunded/);
});

test('a refund ends partially_refunded until the whole amount is back', () => {
  expect(statusAfterRefund(1000, 1)).toBe('partially_refunded');
  expect(statusAfterRefund(1000, 999)).toBe('partially_refunded');
  expect(statusAfterRefund(1000, 1000)).toBe('refunded');
});
