import { z } from 'zod';
import { slugInput } from './catalog';
import { countryCode, currencyCode, limit, page, plan, timestamp } from './common';
import { operations } from './operation';

/** Tenancy's public operations: sign-up, the console's tenants, store info and settings, domains. */

export const signUpBody = z.strictObject({
  storeName: z.string().trim().min(1).max(120),
  slug: z.string().min(1).max(64),
  email: z.email().max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(128),
  currency: currencyCode,
  country: countryCode,
});

export const signUpResult = z.looseObject({
  tenant: z.looseObject({ id: z.string(), slug: z.string(), status: z.string() }),
  storeUrl: z.string(),
  adminUrl: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
});

export const tenantListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'suspended']).optional(),
  plan: plan.optional(),
  limit,
  cursor: z.string().max(500).optional(),
});

export const provisionTenantBody = z.strictObject({
  storeName: z.string().trim().min(1).max(120),
  slug: z.string().min(1).max(64),
  currency: currencyCode,
  country: countryCode,
  plan: plan.optional(),
});

export const tenantIdParams = z.strictObject({
  id: z.string().regex(/^ten_[0-9a-z]{26}$/, 'is not a tenant id'),
});

export const changeTenantBody = z.strictObject({ plan });

/** Why a store is suspended or resumed: carried by the tenant event (the console asks for it). */
export const tenantStatusChangeBody = z
  .strictObject({ reason: z.string().trim().min(1, 'is required').max(500).optional() })
  .optional();

export const tenant = z.looseObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended', 'deleted']),
  plan: z.string(),
  currency: z.string(),
  country: z.string(),
  hosts: z.array(z.string()),
  version: z.int(),
});

export const tenantListItem = tenant.extend({ createdAt: timestamp });

export const tenantDetail = tenantListItem.extend({
  usage: z.looseObject({
    orders: z.int(),
    testOrders: z.int(),
    products: z.int(),
    revenue: z.array(z.object({ currency: z.string(), amount: z.int() })),
    apiCalls: z.object({ today: z.int(), last30Days: z.int() }),
  }),
});

/**
 * The storefront theme's font stacks (its `settings_schema.json` "font" options): system fonts
 * only, so no font file is fetched from anywhere.
 */
export const THEME_FONTS = ['system', 'serif', 'rounded', 'mono'] as const;
export type ThemeFont = (typeof THEME_FONTS)[number];

export const storeInfo = z.looseObject({
  name: z.string(),
  currency: z.string(),
  theme: z.looseObject({
    primaryColor: z.string().optional(),
    logoUrl: z.string().optional(),
    font: z.string().optional(),
    featuredCollection: z.string().optional(),
  }),
  payment: z.looseObject({ provider: z.string() }),
  testMode: z.boolean(),
});

export const storeSettingsBody = z
  .strictObject({
    name: z.string().trim().min(1).max(120).optional(),
    theme: z
      .strictObject({
        primaryColor: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #1a2b3c')
          .optional(),
        logoUrl: z
          .url({ protocol: /^https?$/ })
          .max(2000)
          .optional(),
        font: z.enum(THEME_FONTS).optional(),
        /** The handle of the collection the shop's home features; empty: the store's first collection. */
        featuredCollection: z.union([z.literal(''), slugInput]).optional(),
      })
      .optional(),
  })
  .refine((b) => b.name !== undefined || b.theme !== undefined, { message: 'name or theme is required' });

export const ratesBody = z
  .strictObject({
    shippingFlatRate: z.number().int().min(0).max(100_000_000).optional(),
    taxRateBps: z.number().int().min(0).max(10_000).optional(),
    unpaidOrderTimeoutMinutes: z.number().int().min(1).max(10_080).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'at least one rate is required' });

export const storeRates = z.looseObject({
  currency: z.string(),
  shippingFlatRate: z.int(),
  taxRateBps: z.int(),
  unpaidOrderTimeoutMinutes: z.int(),
});

export const addDomainBody = z.strictObject({ hostname: z.string().min(1).max(253) });
export const domainIdParams = z.strictObject({
  id: z.string().regex(/^dom_[0-9a-z]{26}$/, 'is not a domain id'),
});

export const customDomain = z.looseObject({
  id: z.string(),
  hostname: z.string(),
  status: z.enum(['pending', 'verified']),
  verification: z.looseObject({ type: z.literal('TXT'), name: z.string(), value: z.string() }),
  createdAt: timestamp,
  verifiedAt: timestamp.nullable(),
});

const tenants = ['Console: tenants'];
const settings = ['Admin: settings'];

/** `POST /api/platform/tenants/{id}/suspend|resume` `{reason?}`. */
const statusChange = (action: 'suspend' | 'resume', summary: string) =>
  ({
    method: 'post',
    path: `/api/platform/tenants/{id}/${action}`,
    door: 'console',
    auth: 'platform_admin',
    tags: tenants,
    summary,
    params: tenantIdParams,
    body: tenantStatusChangeBody,
    bodyOptional: true,
    status: 200,
    response: tenant,
    errors: [400, 404, 409],
  }) as const;

export const registryOperations = operations({
  signUp: {
    method: 'post',
    path: '/api/signup',
    door: 'apex',
    auth: 'public',
    tags: ['Sign-up'],
    summary: 'Sign up: a new store and its owner',
    description:
      'The answer names its Idempotency-Key (the client’s or one chosen for it); the same key and body within 15 minutes returns the first answer.',
    body: signUpBody,
    idempotencyKey: 'optional',
    status: 201,
    response: signUpResult,
    errors: [400, 409, 503],
  },
  listTenants: {
    method: 'get',
    path: '/api/platform/tenants',
    door: 'console',
    auth: 'platform_admin',
    tags: tenants,
    summary: 'List tenants',
    query: tenantListQuery,
    status: 200,
    response: page(tenantListItem),
    errors: [400],
  },
  provisionTenant: {
    method: 'post',
    path: '/api/platform/tenants',
    door: 'console',
    auth: 'platform_admin',
    tags: tenants,
    summary: 'Provision a tenant (200 for a repeat of the Idempotency-Key)',
    body: provisionTenantBody,
    idempotencyKey: 'optional',
    status: 201,
    alsoStatus: [200],
    response: tenant,
    errors: [400, 409],
  },
  getTenant: {
    method: 'get',
    path: '/api/platform/tenants/{id}',
    door: 'console',
    auth: 'platform_admin',
    tags: tenants,
    summary: 'A tenant with its usage',
    params: tenantIdParams,
    status: 200,
    response: tenantDetail,
    errors: [400, 404],
  },
  changeTenant: {
    method: 'patch',
    path: '/api/platform/tenants/{id}',
    door: 'console',
    auth: 'platform_admin',
    tags: tenants,
    summary: 'Change a tenant’s plan',
    params: tenantIdParams,
    body: changeTenantBody,
    status: 200,
    response: tenant,
    errors: [400, 404, 409],
  },
  suspendTenant: statusChange('suspend', 'Suspend a store'),
  resumeTenant: statusChange('resume', 'Resume a suspended store'),
  storeInfo: {
    method: 'get',
    path: '/api/store/info',
    door: 'store',
    auth: 'public',
    tags: ['Store'],
    summary: 'The store’s name, currency, theme and payment provider',
    status: 200,
    response: storeInfo,
    errors: [404, 503],
  },
  getStoreSettings: {
    method: 'get',
    path: '/api/admin/settings/store',
    door: 'store',
    auth: 'staff',
    tags: settings,
    summary: 'The store’s name and theme',
    status: 200,
    response: storeInfo,
    errors: [],
  },
  updateStoreSettings: {
    method: 'patch',
    path: '/api/admin/settings/store',
    door: 'store',
    auth: 'staff',
    tags: settings,
    summary: 'Change the store’s name or theme',
    body: storeSettingsBody,
    status: 200,
    response: storeInfo,
    errors: [400],
  },
  getRates: {
    method: 'get',
    path: '/api/admin/settings/rates',
    door: 'store',
    auth: 'staff',
    tags: settings,
    summary: 'Shipping, tax and unpaid-order timeout ({} before any is set)',
    status: 200,
    response: z.union([storeRates, z.strictObject({})]),
    errors: [],
  },
  updateRates: {
    method: 'patch',
    path: '/api/admin/settings/rates',
    door: 'store',
    auth: 'staff',
    tags: settings,
    summary: 'Change shipping, tax or the unpaid-order timeout',
    body: ratesBody,
    status: 200,
    response: storeRates,
    errors: [400],
  },
  addDomain: {
    method: 'post',
    path: '/api/admin/domains',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: domains'],
    summary: 'Claim a custom domain (200 for one already claimed)',
    body: addDomainBody,
    status: 201,
    alsoStatus: [200],
    response: customDomain,
    errors: [400, 409],
  },
  listDomains: {
    method: 'get',
    path: '/api/admin/domains',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: domains'],
    summary: 'The store’s custom domains (one page)',
    status: 200,
    response: page(customDomain),
    errors: [],
  },
  verifyDomain: {
    method: 'post',
    path: '/api/admin/domains/{id}/verify',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: domains'],
    summary: 'Check the domain’s TXT record',
    params: domainIdParams,
    status: 200,
    response: customDomain,
    errors: [400, 404, 409, 422],
  },
  removeDomain: {
    method: 'delete',
    path: '/api/admin/domains/{id}',
    door: 'store',
    auth: 'staff',
    tags: ['Admin: domains'],
    summary: 'Remove a custom domain',
    params: domainIdParams,
    status: 204,
    errors: [400, 404],
  },
});

export type SignUpBody = z.input<typeof signUpBody>;
export type SignUpResult = z.infer<typeof signUpResult>;
export type Tenant = z.infer<typeof tenant>;
export type TenantListItem = z.infer<typeof tenantListItem>;
export type TenantDetail = z.infer<typeof tenantDetail>;
export type StoreInfo = z.infer<typeof storeInfo>;
export type StoreRates = z.infer<typeof storeRates>;
export type CustomDomain = z.infer<typeof customDomain>;
