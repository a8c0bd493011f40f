import { sourcedGauge } from '@fleet/telemetry';
import type { CircuitState } from './circuit-breaker';

const LEVEL: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

interface BreakerSource {
  service: string;
  upstream: string;
  state(): CircuitState;
}

/** `fleet_circuit_state{service,upstream}`: 0 closed, 1 half-open, 2 open (calls refused). */
export function trackBreaker(source: BreakerSource): () => void {
  return sourcedGauge<BreakerSource>(
    source.service,
    {
      name: 'fleet_circuit_state',
      help: 'Circuit breaker of each caller per upstream: 0 closed, 1 half-open, 2 open.',
      labelNames: ['service', 'upstream'],
    },
    (s, sample) => sample({ service: s.service, upstream: s.upstream }, LEVEL[s.state()]),
  )(source);
}
