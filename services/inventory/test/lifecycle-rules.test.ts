import { describeConfig, loadConfig } from '@fleet/config';
import type { ReservationStatus } from '@fleet/contracts';
import { configSchema } from '../src/config';
import { bullPrefix } from '../src/messaging/reservation-sweeper';
import {
  assertAlreadyDone,
  canTransition,
  normalizeLines,
  type RequestedMove,
} from '../src/domain/reservation';

const STATUSES: ReservationStatus[] = ['reserved', 'committed', 'released', 'expired', 'restocked'];

test('only an active reservation moves, and a sold one only back to the shelf', () => {
  const moves = STATUSES.flatMap((from) =>
    STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}>${to}`),
  );
  expect(moves).toEqual([
    'reserved>committed',
    'reserved>released',
    'reserved>expired',
    'committed>restocked',
  ]);
});

test('a move finding the reservation elsewhere: done again, nothing to undo, or a named 409', () => {
  const answer = (current: ReservationStatus, wanted: RequestedMove) => {
    try {
      assertAlreadyDone(current, wanted);
      return 'same';
    } catch (err) {
      return (err as { code: string }).code;
    }
  };
  expect(STATUSES.map((s) => answer(s, 'committed'))).toEqual([
    'reservation_not_active',
    'same',
    'reservation_not_active',
    'reservation_not_active',
    'reservation_not_active',
  ]);
  expect(STATUSES.map((s) => answer(s, 'released'))).toEqual([
    'reservation_committed',
    'reservation_committed',
    'same',
    'same',
    'reservation_committed',
  ]);
  expect(STATUSES.map((s) => answer(s, 'restocked'))).toEqual([
    'reservation_not_committed',
    'reservation_not_committed',
    'reservation_not_committed',
    'reservation_not_committed',
    'same',
  ]);
});

test('lines are merged per variant and sorted: the order every lock is taken in', () => {
  expect(
    normalizeLines([
      { variantId: 'var_b', quantity: 1 },
      { variantId: 'var_a', quantity: 2 },
      { variantId: 'var_b', quantity: 3 },
    ]),
  ).toEqual([
    { variantId: 'var_a', quantity: 2 },
    { variantId: 'var_b', quantity: 4 },
  ]);
});

test('config: every key documented, defaults for a developer machine', () => {
  expect(describeConfig(configSchema).filter((row) => !row.doc)).toEqual([]);
  const config = loadConfig(configSchema, {
    DATABASE_URL: 'postgres://fleet_app:x@localhost/fleet_inventory',
    RELAY_DATABASE_URL: 'postgres://fleet_relay:x@localhost/fleet_inventory',
    INTERNAL_SIGNING_KEY: 'k'.repeat(32),
  });
  expect(config).toMatchObject({ PORT: 4005, RESERVATION_SWEEP_MS: 5000, REDIS_PREFIX: 'fleet:' });
  expect(() => loadConfig(configSchema, { RESERVATION_SWEEP_MS: '5' })).toThrow(/RESERVATION_SWEEP_MS/);
  expect([bullPrefix('fleet:'), bullPrefix('t_run_x:'), bullPrefix('')]).toEqual([
    'fleet',
    't_run_x',
    'bull',
  ]);
});
