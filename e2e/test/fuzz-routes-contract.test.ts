import { API_OPERATIONS, type Operation } from '@fleet/api-contract';
import type { StoreData } from './attack-fixture';
import { publicRoutes, routeName, type PublicRoute } from './fuzz/public-routes';

// The fuzz suite's route list and the contract (@fleet/api-contract) name the same operations:
// a route added to the fuzz list but not declared fails here, and so does a declared operation
// the fuzz never sends anything to. No platform needed: the lists are compared as written.

/** Any id will do: only methods, paths and doors are compared. */
const ids = new Proxy(
  {},
  { get: (_t, key) => (key === 'store' ? { host: 'x', token: 'x' } : `id_${String(key)}`) },
);
const routes = publicRoutes({ a: ids as StoreData, b: ids as StoreData, spareTenantId: 'ten_spare' });

const operations = Object.entries(API_OPERATIONS) as Array<[string, Operation]>;
const keyOf = (method: string, path: string, door: string) => `${method.toUpperCase()} ${path} @${door}`;
const routeKey = (r: PublicRoute) => keyOf(r.method, r.path.replace(/:(\w+)/g, '{$1}'), r.door);

/** The fuzz routes no operation of the contract declares (same method, path and door). */
function undeclared(list: readonly PublicRoute[]): string[] {
  const declared = new Set(operations.map(([, op]) => keyOf(op.method, op.path, op.door)));
  return list.filter((r) => !declared.has(routeKey(r))).map(routeName);
}

/** The contract's operations the fuzz list never reaches. */
function unfuzzed(list: readonly PublicRoute[]): string[] {
  const fuzzed = new Set(list.map(routeKey));
  return operations.filter(([, op]) => !fuzzed.has(keyOf(op.method, op.path, op.door))).map(([name]) => name);
}

test('every route the fuzz suite attacks is declared in the contract', () => {
  expect(undeclared(routes)).toEqual([]);
});

test('every operation of the contract is in the fuzz suite', () => {
  expect(unfuzzed(routes)).toEqual([]);
});

test('the checks catch an undeclared route, a wrong door and a route left out of the fuzz', () => {
  const nowhere: PublicRoute = { method: 'GET', path: '/api/admin/nowhere/:id', door: 'store', as: 'staff' };
  expect(undeclared([...routes, nowhere])).toEqual([routeName(nowhere)]);
  const me = routes.find((r) => r.path === '/api/admin/me')!;
  expect(undeclared([{ ...me, door: 'console' }])).toEqual([routeName({ ...me, door: 'console' })]);
  expect(unfuzzed(routes.filter((r) => r !== me))).toEqual(['staffProfile']);
});
