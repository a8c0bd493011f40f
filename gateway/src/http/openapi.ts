import { API_OPERATIONS, openApiDocument } from '@fleet/api-contract';

/**
 * The public API as an OpenAPI 3.1 document, one entry per operation, generated from the same
 * zod declarations (`@fleet/api-contract`) the services' routes validate with.
 */
export function apiDocument(): Record<string, unknown> {
  return openApiDocument(API_OPERATIONS);
}
