/** The platform's shared checks, under the names this service's routes use. */
export {
  assertServiceActor as assertServiceCaller,
  assertStoreRequest as assertTenantRequest,
  assertPlatformAdmin,
  assertStaffOfStore as assertStaff,
} from '@fleet/tenancy';
