import { z } from 'zod';
import { idParams, limit, page, timestamp } from './common';
import { externalId, orderIdParams, orderTokenQuery } from './orders';
import { operations } from './operation';

/** Returns of delivered orders (order service): the shopper asks, the merchant decides. */

export const RETURN_STATUSES = ['REQUESTED', 'ACCEPTED', 'REJECTED', 'RECEIVED', 'REFUNDED'] as const;
export const returnStatus = z.enum(RETURN_STATUSES);

export const MAX_RETURN_WINDOW_DAYS = 365;

export const returnRequestBody = z.strictObject({
  lines: z
    .array(z.strictObject({ variantId: externalId, quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(100),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const returnView = z.looseObject({
  id: z.string(),
  orderId: z.string(),
  status: returnStatus,
  reason: z.string().nullable(),
  lines: z.array(
    z.looseObject({ variantId: z.string(), productId: z.string(), title: z.string(), quantity: z.int() }),
  ),
  restock: z.boolean().nullable(),
  refundAmount: z.int().nullable(),
  currency: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const returnListQuery = z.strictObject({
  status: returnStatus.optional(),
  limit,
  cursor: z.string().max(200).optional(),
});

export const receiveReturnBody = z.strictObject({ restock: z.boolean() });
export const returnSettingsBody = z.strictObject({
  returnWindowDays: z.number().int().min(0).max(MAX_RETURN_WINDOW_DAYS),
});
export const returnSettings = z.looseObject({ returnWindowDays: z.int() });

const staff = { door: 'store', auth: 'staff', tags: ['Admin: returns'] } as const;
const action = (path: string, summary: string, body?: z.ZodType) =>
  ({
    ...staff,
    method: 'post',
    path: `/api/admin/returns/{id}/${path}`,
    summary,
    params: idParams,
    ...(body ? { body } : { body: z.strictObject({}), bodyOptional: true }),
    status: 200,
    response: returnView,
    errors: [400, 404, 409],
  }) as const;

export const returnOperations = operations({
  requestReturn: {
    door: 'store',
    auth: 'public',
    tags: ['Shopper: orders'],
    method: 'post',
    path: '/api/store/orders/{id}/returns',
    summary: 'Ask to return delivered units, within the store’s return window (guest token or customer)',
    params: orderIdParams,
    query: orderTokenQuery,
    body: returnRequestBody,
    status: 201,
    response: returnView,
    errors: [400, 404, 409, 422],
  },
  listReturns: {
    ...staff,
    method: 'get',
    path: '/api/admin/returns',
    summary: 'Returns, newest first (status filter)',
    query: returnListQuery,
    status: 200,
    response: page(returnView),
    errors: [400],
  },
  acceptReturn: action('accept', 'Accept a requested return: the shopper may send the units'),
  rejectReturn: action('reject', 'Reject a requested return'),
  receiveReturn: action(
    'receive',
    'The units arrived: restock them (true) or not; fixes the refund amount',
    receiveReturnBody,
  ),
  refundReturn: action('refund', 'Refund a received return through the order’s payment provider'),
  getReturnSettings: {
    ...staff,
    method: 'get',
    path: '/api/admin/settings/returns',
    summary: 'The store’s return window in days (default 30)',
    status: 200,
    response: returnSettings,
    errors: [],
  },
  updateReturnSettings: {
    ...staff,
    method: 'put',
    path: '/api/admin/settings/returns',
    summary: 'Change the store’s return window (0: no returns)',
    body: returnSettingsBody,
    status: 200,
    response: returnSettings,
    errors: [400],
  },
});
