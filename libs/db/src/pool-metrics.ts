import type { Pool } from 'pg';
import { sourcedGauge } from '@fleet/telemetry';

interface PoolSource {
  service: string;
  pool: Pool;
}

/**
 * `fleet_db_pool_connections{service,state}`: the pool's connections (`total`, `idle`) and the
 * callers waiting for one (`waiting`), read at scrape time. Waiting callers mean the pool is too
 * small for the load (or queries are slow).
 */
export function trackPool(service: string, pool: Pool): () => void {
  return sourcedGauge<PoolSource>(
    service,
    {
      name: 'fleet_db_pool_connections',
      help: 'Database pool connections (total, idle) and callers waiting for one (waiting).',
      labelNames: ['service', 'state'],
    },
    (s, sample) => {
      sample({ service: s.service, state: 'total' }, s.pool.totalCount);
      sample({ service: s.service, state: 'idle' }, s.pool.idleCount);
      sample({ service: s.service, state: 'waiting' }, s.pool.waitingCount);
    },
  )({ service, pool });
}
