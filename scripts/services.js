// The services of the platform, in start order. A service that owns a database names it; its
// `dist/migrate.js` runs first, and `pool` is the size of its application pool (the host shares it
// out among its workers). Add a line here when a service appears (helm/compose list them too).
const services = [
  {
    name: 'tenancy',
    dir: 'tenancy/registry',
    port: 4001,
    database: 'fleet_tenancy',
    pool: 10,
    envName: 'TENANCY_URL',
  },
  {
    name: 'identity',
    dir: 'services/identity',
    port: 4002,
    database: 'fleet_identity',
    pool: 10,
    envName: 'IDENTITY_URL',
  },
  {
    name: 'catalog',
    dir: 'services/catalog',
    port: 4003,
    database: 'fleet_catalog',
    pool: 20,
    envName: 'CATALOG_URL',
  },
  {
    name: 'search',
    dir: 'services/search',
    port: 4004,
    database: 'fleet_search',
    pool: 10,
    envName: 'SEARCH_URL',
  },
  {
    name: 'inventory',
    dir: 'services/inventory',
    port: 4005,
    database: 'fleet_inventory',
    pool: 10,
    envName: 'INVENTORY_URL',
  },
  {
    name: 'payment',
    dir: 'services/payment',
    port: 4006,
    database: 'fleet_payment',
    pool: 10,
    envName: 'PAYMENT_URL',
  },
  {
    name: 'order',
    dir: 'services/order',
    port: 4007,
    database: 'fleet_order',
    pool: 20,
    envName: 'ORDER_URL',
  },
  { name: 'cart', dir: 'services/cart', port: 4008, database: null, envName: 'CART_URL' },
  { name: 'checkout', dir: 'services/checkout', port: 4009, database: null, envName: 'CHECKOUT_URL' },
  {
    name: 'shipment',
    dir: 'services/shipment',
    port: 4011,
    database: 'fleet_shipment',
    pool: 6,
    envName: 'SHIPMENT_URL',
  },
  {
    name: 'storefront',
    dir: 'services/storefront',
    port: 4010,
    database: 'fleet_storefront',
    pool: 6,
    envName: 'STOREFRONT_URL',
  },
  {
    name: 'engagement',
    dir: 'services/engagement',
    port: 4013,
    database: 'fleet_engagement',
    pool: 6,
    envName: 'ENGAGEMENT_URL',
  },
  {
    name: 'notification',
    dir: 'services/notification',
    port: 4012,
    database: 'fleet_notification',
    pool: 6,
    envName: 'NOTIFICATION_URL',
  },
  // The gateway's ops port (/readyz, /metrics) is internal, on loopback: never the public 8080.
  { name: 'gateway', dir: 'gateway', port: 8080, opsPort: 9080, database: null, envName: null },
];

module.exports = { services };
