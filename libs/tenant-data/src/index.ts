export { excludedTables, PLUMBING_TABLES, redactedColumns, type TenantDataPolicy } from './policy';
export { deleteOrder, discoverTenantTables, type TenantTable } from './schema';
export { exportTable } from './export-table';
export { countTenantRows, purgeTenantRows } from './purge';
export {
  LIFECYCLE_CALLER,
  tenantDataRoutes,
  type TenantDataListing,
  type TenantDataOptions,
  type TenantPurgeResult,
} from './routes';
export {
  httpTenantDataSource,
  lifecycleCtx,
  localTenantDataSource,
  type HttpSourceOptions,
  type TenantDataSource,
} from './source';
