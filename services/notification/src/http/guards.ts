/** The platform's shared checks, under the names this service's routes use. */
export {
  assertStoreRequest as assertTenantRequest,
  assertServiceForStore as assertServiceCaller,
  assertStaffOfStore as assertStaff,
} from '@fleet/tenancy';
