import { createDb } from '@fleet/db';
import { trackSagas } from './saga-metrics';

export interface DueSaga {
  tenantId: string;
  orderId: string;
}

export interface DueSagaScanner {
  scan(limit: number): Promise<DueSaga[]>;
  close(): Promise<void>;
}

/**
 * The recovery job's only cross-tenant read: which sagas are past their deadline. It runs as the
 * relay role (granted `saga_state` by `migrate({relay})`); each saga is then handled inside its
 * own tenant's scope like any other unit of work.
 */
export function createDueSagaScanner(relayUrl: string): DueSagaScanner {
  const db = createDb({ url: relayUrl, max: 1, applicationName: 'order-saga-recovery' });
  const untrack = trackSagas(db);
  return {
    async scan(limit) {
      const { rows } = await db.query<{ tenant_id: string; order_id: string }>(
        `SELECT tenant_id, order_id FROM saga_state
          WHERE status IN ('running', 'waiting', 'compensating') AND deadline_at <= now()
          ORDER BY deadline_at
          LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({ tenantId: r.tenant_id, orderId: r.order_id }));
    },
    close: () => {
      untrack();
      return db.close();
    },
  };
}
