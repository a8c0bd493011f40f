import { z } from 'zod';
import { page, timestamp } from './common';
import { operations } from './operation';

/** The storefront's theme template overrides (merchant staff). */

export const templateBody = z.strictObject({ source: z.string().max(256 * 1024) });
export const templateParams = z.strictObject({ name: z.string() });

export const templateRow = z.looseObject({
  file: z.string(),
  updatedAt: timestamp,
  lastError: z.string().nullable(),
});

export const template = z.looseObject({
  name: z.string(),
  file: z.string(),
  overridden: z.boolean(),
  source: z.string().optional(),
  defaultSource: z.string().nullable().optional(),
  lastError: z.string().nullable(),
  updatedAt: timestamp.nullable(),
});

export const templatePreview = z.looseObject({
  name: z.string(),
  file: z.string(),
  template: z.string(),
  html: z.string(),
});

const staff = { door: 'store', auth: 'staff', tags: ['Admin: theme'] } as const;

export const themeOperations = operations({
  listTemplates: {
    ...staff,
    method: 'get',
    path: '/api/admin/theme/templates',
    summary: 'The store’s template overrides (one page)',
    status: 200,
    response: page(templateRow),
    errors: [],
  },
  getTemplate: {
    ...staff,
    method: 'get',
    path: '/api/admin/theme/templates/{name}',
    summary: 'A template: its override and the default (`name` may hold a slash: customers/login)',
    params: templateParams,
    status: 200,
    response: template,
    errors: [404],
  },
  putTemplate: {
    ...staff,
    method: 'put',
    path: '/api/admin/theme/templates/{name}',
    summary: 'Save an override (it must render: else 422 naming the error)',
    params: templateParams,
    body: templateBody,
    status: 200,
    response: template,
    errors: [400, 404, 422],
  },
  previewTemplate: {
    ...staff,
    method: 'post',
    path: '/api/admin/theme/preview/{name}',
    summary: 'The page an override would give, rendered with sample data; nothing is saved',
    params: templateParams,
    body: templateBody,
    status: 200,
    response: templatePreview,
    errors: [400, 404, 422],
  },
  deleteTemplate: {
    ...staff,
    method: 'delete',
    path: '/api/admin/theme/templates/{name}',
    summary: 'Remove an override (the default shows again)',
    params: templateParams,
    status: 204,
    errors: [404],
  },
});
