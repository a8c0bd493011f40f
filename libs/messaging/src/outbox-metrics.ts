import type { Pool } from 'pg';
import { sourcedGauge } from '@fleet/telemetry';

interface OutboxSource {
  service: string;
  pool: Pool;
}

const PENDING = `SELECT count(*)::int AS backlog,
                        COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS lag
                   FROM outbox WHERE published_at IS NULL`;

async function pending(pool: Pool): Promise<{ backlog: number; lag: number }> {
  const { rows } = await pool.query<{ backlog: number; lag: number }>(PENDING);
  return rows[0] ?? { backlog: 0, lag: 0 };
}

/**
 * `fleet_outbox_backlog` (rows committed but not yet published) and `fleet_outbox_lag_seconds`
 * (age of the oldest of them), read at scrape time through the relay's own pool (the relay role
 * sees every tenant's rows). Both grow while the relay cannot publish (RabbitMQ down, the relay
 * stuck): events are late, and with them reservations, payments and orders.
 */
export function trackOutbox(service: string, pool: Pool): () => void {
  const source: OutboxSource = { service, pool };
  const labelNames = ['service'];
  const untrackBacklog = sourcedGauge<OutboxSource>(
    service,
    { name: 'fleet_outbox_backlog', help: 'Outbox rows not yet published to RabbitMQ.', labelNames },
    async (s, sample) => sample({ service: s.service }, (await pending(s.pool)).backlog),
  )(source);
  const untrackLag = sourcedGauge<OutboxSource>(
    service,
    {
      name: 'fleet_outbox_lag_seconds',
      help: 'Age of the oldest outbox row not yet published, in seconds (0 when none).',
      labelNames,
    },
    async (s, sample) => sample({ service: s.service }, (await pending(s.pool)).lag),
  )(source);
  return () => {
    untrackBacklog();
    untrackLag();
  };
}
