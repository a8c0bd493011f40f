import { decideAccess, type AccessQuestion } from '../src/domain/access-policy';
import type { Principal } from '../src/domain/principal';

const ACME = 'ten_acme';
const BOLT = 'ten_bolt';
const exp = Date.now() + 60_000;
const customer: Principal = {
  kind: 'customer',
  id: 'cus_1',
  roles: ['customer'],
  tenantId: ACME,
  expiresAt: exp,
};
const staff: Principal = {
  kind: 'staff',
  id: 'stf_1',
  roles: ['staff', 'owner'],
  tenantId: ACME,
  expiresAt: exp,
};
const admin: Principal = { kind: 'platform_admin', id: 'adm_1', roles: ['platform_admin'], expiresAt: exp };

type Row = [string, AccessQuestion, string];

const rows: Row[] = [
  [
    'anonymous on a public store route',
    { door: 'store', auth: 'public', tenantId: ACME, principal: undefined },
    'ok',
  ],
  [
    'anonymous on a customer route',
    { door: 'store', auth: 'customer', tenantId: ACME, principal: undefined },
    'token_required',
  ],
  [
    'anonymous on the console',
    { door: 'console', auth: 'platform_admin', tenantId: undefined, principal: undefined },
    'token_required',
  ],
  ['customer on its store', { door: 'store', auth: 'customer', tenantId: ACME, principal: customer }, 'ok'],
  [
    'customer on a public route of its store',
    { door: 'store', auth: 'public', tenantId: ACME, principal: customer },
    'ok',
  ],
  [
    'customer on another store',
    { door: 'store', auth: 'customer', tenantId: BOLT, principal: customer },
    'wrong_tenant',
  ],
  [
    'customer on a public route of another store',
    { door: 'store', auth: 'public', tenantId: BOLT, principal: customer },
    'wrong_tenant',
  ],
  [
    'customer on the admin API',
    { door: 'store', auth: 'staff', tenantId: ACME, principal: customer },
    'wrong_role',
  ],
  ['staff on the admin API', { door: 'store', auth: 'staff', tenantId: ACME, principal: staff }, 'ok'],
  [
    'staff on a customer route',
    { door: 'store', auth: 'customer', tenantId: ACME, principal: staff },
    'wrong_role',
  ],
  [
    'staff on the console',
    { door: 'console', auth: 'platform_admin', tenantId: undefined, principal: staff },
    'wrong_tenant',
  ],
  [
    'staff on a public console route',
    { door: 'console', auth: 'public', tenantId: undefined, principal: staff },
    'wrong_tenant',
  ],
  [
    'staff on the apex',
    { door: 'apex', auth: 'public', tenantId: undefined, principal: staff },
    'wrong_tenant',
  ],
  [
    'platform admin on the console',
    { door: 'console', auth: 'platform_admin', tenantId: undefined, principal: admin },
    'ok',
  ],
  [
    'platform admin on a store',
    { door: 'store', auth: 'public', tenantId: ACME, principal: admin },
    'wrong_tenant',
  ],
  [
    'platform admin on the apex',
    { door: 'apex', auth: 'public', tenantId: undefined, principal: admin },
    'wrong_tenant',
  ],
];

test.each(rows)('%s', (_name, question, expected) => {
  const decision = decideAccess(question);
  expect(decision.ok ? 'ok' : decision.code).toBe(expected);
});
