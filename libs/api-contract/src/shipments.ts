import { z } from 'zod';
import { idParams, limit, page, timestamp } from './common';
import { operations } from './operation';

/** Shipments (services/shipment): the store's carrier choice and each order's parcel. */

export const SHIPMENT_STATUSES = ['CREATED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED', 'LOST'] as const;
export const shipmentStatus = z.enum(SHIPMENT_STATUSES);

/** A carrier's registry name: lowercase letters (the registry list says which exist). */
export const carrierName = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a carrier name such as flat');

export const shippingSettingsBody = z.strictObject({ carrier: carrierName });

export const shippingSettings = z.looseObject({
  carrier: z.string(),
  carriers: z.array(z.looseObject({ name: z.string(), displayName: z.string(), description: z.string() })),
});

export const trackingEvent = z.looseObject({
  status: shipmentStatus,
  description: z.string(),
  source: z.enum(['system', 'merchant', 'carrier']),
  at: timestamp,
});

export const shipmentView = z.looseObject({
  id: z.string(),
  orderId: z.string(),
  carrier: z.string(),
  carrierName: z.string(),
  trackingNumber: z.string(),
  trackingUrl: z.string().nullable(),
  status: shipmentStatus,
  createdAt: timestamp,
  updatedAt: timestamp,
  events: z.array(trackingEvent),
});

export const shipmentListQuery = z.strictObject({
  orderId: z.string().max(100).optional(),
  status: shipmentStatus.optional(),
  limit,
  cursor: z.string().max(200).optional(),
});

/** The merchant's move of a parcel: what the carrier did, as the merchant learnt it. */
export const shipmentTransitionBody = z.strictObject({
  status: z.enum(['IN_TRANSIT', 'DELIVERED', 'RETURNED', 'LOST']),
  description: z.string().trim().min(1).max(200).optional(),
});

const staff = { door: 'store', auth: 'staff', tags: ['Admin: shipments'] } as const;

export const shipmentOperations = operations({
  getShippingSettings: {
    ...staff,
    method: 'get',
    path: '/api/admin/settings/shipping',
    summary: 'The store’s carrier (default flat) and the carriers this platform offers',
    status: 200,
    response: shippingSettings,
    errors: [],
  },
  updateShippingSettings: {
    ...staff,
    method: 'put',
    path: '/api/admin/settings/shipping',
    summary: 'Choose the store’s carrier: it quotes checkout’s shipping and labels new shipments',
    body: shippingSettingsBody,
    status: 200,
    response: shippingSettings,
    errors: [400, 422],
  },
  listShipments: {
    ...staff,
    method: 'get',
    path: '/api/admin/shipments',
    summary: 'Shipments, newest first (orderId, status filter)',
    query: shipmentListQuery,
    status: 200,
    response: page(shipmentView),
    errors: [400],
  },
  getShipment: {
    ...staff,
    method: 'get',
    path: '/api/admin/shipments/{id}',
    summary: 'A shipment with its tracking events',
    params: idParams,
    status: 200,
    response: shipmentView,
    errors: [404],
  },
  moveShipment: {
    ...staff,
    method: 'post',
    path: '/api/admin/shipments/{id}/status',
    summary: 'Mark a shipment in transit, delivered, returned or lost (the transition table decides)',
    params: idParams,
    body: shipmentTransitionBody,
    status: 200,
    response: shipmentView,
    errors: [400, 404, 409],
  },
});
