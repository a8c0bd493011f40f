/** The platform's shared check, under the name this service's routes use. */
export { assertServiceActor as assertServiceCaller } from '@fleet/tenancy';
