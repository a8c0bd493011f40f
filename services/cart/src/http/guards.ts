/** The platform's shared checks on the verified request context. */
export { storeCtx, serviceCtx, guard } from '@fleet/tenancy';
