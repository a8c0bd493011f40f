// The processes `npm start` runs, in start order. A service that owns a database names it; its
// `dist/migrate.js` runs first. Add a line here when a service appears (helm/compose list them too).
const services = [
  { name: 'tenancy', dir: 'tenancy/registry', port: 4001, database: 'fleet_tenancy', envName: 'TENANCY_URL' },
  {
    name: 'identity',
    dir: 'services/identity',
    port: 4002,
    database: 'fleet_identity',
    envName: 'IDENTITY_URL',
  },
  { name: 'catalog', dir: 'services/catalog', port: 4003, database: 'fleet_catalog', envName: 'CATALOG_URL' },
  { name: 'search', dir: 'services/search', port: 4004, database: 'fleet_search', envName: 'SEARCH_URL' },
  {
    name: 'inventory',
    dir: 'services/inventory',
    port: 4005,
    database: 'fleet_inventory',
    envName: 'INVENTORY_URL',
  },
  { name: 'payment', dir: 'services/payment', port: 4006, database: 'fleet_payment', envName: 'PAYMENT_URL' },
  { name: 'order', dir: 'services/order', port: 4007, database: 'fleet_order', envName: 'ORDER_URL' },
  { name: 'cart', dir: 'services/cart', port: 4008, database: null, envName: 'CART_URL' },
  { name: 'checkout', dir: 'services/checkout', port: 4009, database: null, envName: 'CHECKOUT_URL' },
  { name: 'gateway', dir: 'gateway', port: 8080, database: null, envName: null },
];

module.exports = { services };
