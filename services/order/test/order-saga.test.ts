import { ORDER_SAGA, STEPS } from '../src/saga/order-saga';

test('every step is declared once, and every undo beside a forward step is one the undo steps run', () => {
  const names = [...ORDER_SAGA.forward, ...ORDER_SAGA.undo].map((s) => s.step.name);
  expect(new Set(names).size).toBe(STEPS.size);
  expect(STEPS.size).toBe(8);
  const undoNames = ORDER_SAGA.undo.map((u) => u.step.name);
  for (const { undo } of ORDER_SAGA.forward) if (undo) expect(undoNames).toContain(undo.name);
  expect(ORDER_SAGA.forward.map((f) => f.step.name)).toEqual([
    'reserve_inventory',
    'create_payment',
    'await_payment',
    'commit_inventory',
  ]);
});

test('only await_payment waits among the forward steps, until the order expires', () => {
  const expiresAt = new Date('2030-01-01T00:00:00Z');
  const waits = ORDER_SAGA.forward.filter((f) => f.waitsUntil);
  expect(waits.map((f) => f.step.name)).toEqual(['await_payment']);
  expect(waits[0]!.waitsUntil!({ expiresAt } as never)).toEqual(expiresAt);
});
