import type { Db } from '@fleet/db';
import { sourcedGauge, type Sample } from '@fleet/http';

const LIVE = ['running', 'waiting', 'compensating'] as const;

interface SagaFigures {
  status: string;
  live: number;
  oldest: number;
  overdue: number;
}

/** Live sagas only: the partial index on the deadline covers them; done and failed ones are history. */
const FIGURES = `SELECT status, count(*)::int AS live,
                        EXTRACT(EPOCH FROM now() - min(created_at))::float8 AS oldest,
                        GREATEST(EXTRACT(EPOCH FROM now() - min(deadline_at)), 0)::float8 AS overdue
                   FROM saga_state
                  WHERE status IN ('running', 'waiting', 'compensating')
                  GROUP BY status`;

/**
 * The order saga's health at scrape time, read by the recovery job's relay-role pool (the one
 * cross-tenant reader of saga_state): `fleet_sagas{status}` live sagas, `fleet_saga_oldest_age_seconds
 * {status}` the oldest one's age, and `fleet_saga_overdue_seconds` how far the most overdue is past
 * its deadline (the recovery job should have picked it up; minutes mean it is stuck).
 */
export function trackSagas(db: Db): () => void {
  let pending: Promise<SagaFigures[]> | undefined;
  // One query per scrape for the three gauges (they are collected together).
  const figures = () => {
    pending ??= db.query<SagaFigures>(FIGURES).then(
      (r) => {
        setImmediate(() => (pending = undefined));
        return r.rows;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };
  const byStatus = async (sample: Sample, pick: (f: SagaFigures) => number) => {
    const rows = await figures();
    for (const status of LIVE) {
      const row = rows.find((r) => r.status === status);
      sample({ status }, row ? pick(row) : 0);
    }
  };
  const untrack = [
    sourcedGauge<Db>(
      'order',
      { name: 'fleet_sagas', help: 'Live order sagas by status.', labelNames: ['status'] },
      (_db, sample) => byStatus(sample, (f) => f.live),
    )(db),
    sourcedGauge<Db>(
      'order',
      {
        name: 'fleet_saga_oldest_age_seconds',
        help: 'Age of the oldest live order saga by status, in seconds.',
        labelNames: ['status'],
      },
      (_db, sample) => byStatus(sample, (f) => f.oldest),
    )(db),
    sourcedGauge<Db>(
      'order',
      {
        name: 'fleet_saga_overdue_seconds',
        help: 'How far the most overdue live order saga is past its deadline, in seconds (0 when none).',
        labelNames: [],
      },
      async (_db, sample) => sample({}, Math.max(0, ...(await figures()).map((f) => f.overdue))),
    )(db),
  ];
  return () => untrack.forEach((u) => u());
}
