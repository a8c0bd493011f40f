/**
 * The services whose tenant data the registry exports and purges through their
 * `/internal/tenant-data` endpoints (`@fleet/tenant-data`), and the variable that holds each one's
 * URL. Every service with a database in scripts/services.js is here except the registry itself
 * (it reads its own tables in process); libs/tenant-data/test/every-service.test.ts holds the two
 * lists together, so a new service that forgets this line fails a test.
 */
export interface TenantDataService {
  service: string;
  urlEnv: string;
}

export const TENANT_DATA_SERVICES: readonly TenantDataService[] = [
  { service: 'identity', urlEnv: 'IDENTITY_URL' },
  { service: 'catalog', urlEnv: 'CATALOG_URL' },
  { service: 'search', urlEnv: 'SEARCH_URL' },
  { service: 'inventory', urlEnv: 'INVENTORY_URL' },
  { service: 'payment', urlEnv: 'PAYMENT_URL' },
  { service: 'order', urlEnv: 'ORDER_URL' },
  { service: 'storefront', urlEnv: 'STOREFRONT_URL' },
  { service: 'shipment', urlEnv: 'SHIPMENT_URL' },
  { service: 'engagement', urlEnv: 'ENGAGEMENT_URL' },
  { service: 'notification', urlEnv: 'NOTIFICATION_URL' },
];
