import { accountTokenOperationsByName } from './account-tokens';
import { catalogOperations } from './catalog';
import { engagementOperations } from './engagement';
import { identityOperations } from './identity';
import { notificationOperations } from './notifications';
import type { Operation } from './operation';
import { orderOperations } from './orders';
import { paymentOperations } from './payments';
import { platformToolOperations } from './platform-tools';
import { registryOperations } from './registry';
import { returnOperations } from './returns';
import { shipmentOperations } from './shipments';
import { shoppingOperations } from './shopping';
import { tenantLifecycleOperations } from './tenant-lifecycle';
import { themeOperations } from './theme';

/**
 * Every public operation, by name (the OpenAPI operationId). A new route is one declaration in
 * its area's file; an area new to the contract is one line here.
 */
export const API_OPERATIONS = {
  ...registryOperations,
  ...identityOperations,
  ...catalogOperations,
  ...shoppingOperations,
  ...orderOperations,
  ...paymentOperations,
  ...shipmentOperations,
  ...returnOperations,
  ...themeOperations,
  ...platformToolOperations,
  ...engagementOperations,
  ...notificationOperations,
  ...accountTokenOperationsByName,
  ...tenantLifecycleOperations,
} satisfies Record<string, Operation>;

export type OperationName = keyof typeof API_OPERATIONS;
