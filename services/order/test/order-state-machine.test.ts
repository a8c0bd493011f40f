import {
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  assertTransition,
  canTransition,
  isTerminal,
} from '../src/domain/order-state-machine';

test('the declared lifecycle, and nothing else', () => {
  const allowed = ORDER_STATUSES.flatMap((from) => ORDER_TRANSITIONS[from].map((to) => `${from}->${to}`));
  expect(allowed.sort()).toEqual(
    [
      'PENDING->PLACED',
      'PENDING->CANCEL_REQUESTED',
      'PENDING->REJECTED',
      'PLACED->FULFILLED',
      'PLACED->CANCEL_REQUESTED',
      'FULFILLED->SHIPPED',
      'SHIPPED->DELIVERED',
      'DELIVERED->RETURNED',
      'DELIVERED->PARTIALLY_RETURNED',
      'PARTIALLY_RETURNED->RETURNED',
      'CANCEL_REQUESTED->CANCELLED',
    ].sort(),
  );
  expect(ORDER_STATUSES.filter(isTerminal).sort()).toEqual(['CANCELLED', 'REJECTED', 'RETURNED']);
});

test('assertTransition refuses any other move with 409 invalid_transition', () => {
  expect(() => assertTransition('PENDING', 'PLACED')).not.toThrow();
  expect(canTransition('CANCELLED', 'PLACED')).toBe(false);
  expect(() => assertTransition('FULFILLED', 'CANCEL_REQUESTED')).toThrow(
    expect.objectContaining({ status: 409, code: 'invalid_transition' }),
  );
  expect(() => assertTransition('REJECTED', 'CANCELLED')).toThrow();
});
