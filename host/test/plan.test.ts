import { PLAN_ENV, readPlan, workerEnv, type HostPlan } from '@fleet/host';

const plan: HostPlan = {
  workers: 2,
  services: [
    {
      name: 'inventory',
      env: { PORT: '4005', DATABASE_URL: 'postgres://inv' },
      urlEnv: 'INVENTORY_URL',
      ports: [4005, 4105],
    },
    {
      name: 'order',
      env: { PORT: '4007', INVENTORY_URL: 'http://127.0.0.1:4005', DATABASE_URL: 'postgres://ord' },
      urlEnv: 'ORDER_URL',
      ports: [4007, 4107],
    },
    {
      name: 'gateway',
      env: {
        PORT: '8080',
        OPS_PORT: '9080',
        INVENTORY_URL: 'http://127.0.0.1:4005',
        ORDER_URL: 'http://127.0.0.1:4007',
      },
      urlEnv: null,
      ports: [],
      opsPorts: [9080, 9180],
    },
  ],
};

const service = (name: string) => plan.services.find((s) => s.name === name)!;

describe('workerEnv', () => {
  test('worker 0 keeps the ports and URLs of the plan', () => {
    const env = workerEnv(plan, service('order'), 0, {});
    expect(env).toEqual({
      PORT: '4007',
      INVENTORY_URL: 'http://127.0.0.1:4005',
      DATABASE_URL: 'postgres://ord',
    });
  });

  test("worker 1's services listen on its own ports and call each other there", () => {
    expect(workerEnv(plan, service('order'), 1, {})).toMatchObject({
      PORT: '4107',
      INVENTORY_URL: 'http://127.0.0.1:4105',
    });
    expect(workerEnv(plan, service('gateway'), 1, {})).toMatchObject({
      PORT: '8080',
      INVENTORY_URL: 'http://127.0.0.1:4105',
      ORDER_URL: 'http://127.0.0.1:4107',
    });
  });

  test("a service gets the host's environment under its own, without the plan", () => {
    const env = workerEnv(plan, service('inventory'), 0, {
      PATH: '/bin',
      DATABASE_URL: 'postgres://shell',
      [PLAN_ENV]: '{}',
    });
    expect(env).toEqual({ PATH: '/bin', PORT: '4005', DATABASE_URL: 'postgres://inv' });
  });

  test("the gateway shares its public port, but each worker's ops port (/readyz, /metrics) is its own", () => {
    expect(workerEnv(plan, service('gateway'), 0, {})).toMatchObject({ PORT: '8080', OPS_PORT: '9080' });
    expect(workerEnv(plan, service('gateway'), 1, {})).toMatchObject({ PORT: '8080', OPS_PORT: '9180' });
  });

  test('a worker the plan has no port for is refused', () => {
    expect(() => workerEnv(plan, service('order'), 2, {})).toThrow('no port for order in worker 2');
  });
});

describe('readPlan', () => {
  test('reads the plan a launcher wrote', () => {
    expect(readPlan({ [PLAN_ENV]: JSON.stringify(plan) })).toEqual(plan);
  });

  test.each([
    [undefined, 'is not set'],
    ['{', 'is not JSON'],
    [JSON.stringify({ ...plan, workers: 0 }), 'is invalid'],
    [JSON.stringify({ ...plan, workers: 3 }), 'one port per worker'],
    [JSON.stringify({ workers: 1, services: [] }), 'is invalid'],
  ])('refuses %s', (raw, why) => {
    expect(() => readPlan(raw === undefined ? {} : { [PLAN_ENV]: raw })).toThrow(why);
  });
});
