import { Counter, Gauge, Registry } from 'prom-client';

/**
 * One registry per service for the metrics of its parts outside HTTP (outbox, consumers, pools,
 * breakers): the parts register here by service name, and the service's `/metrics` shows it
 * after the app's own. Per service, not per process, so the host (every service in one process)
 * shows each service's figures on that service's port and never a metric twice.
 */
const registries = new Map<string, Registry>();

export function serviceRegistry(service: string): Registry {
  let registry = registries.get(service);
  if (!registry) {
    registry = new Registry();
    registries.set(service, registry);
  }
  return registry;
}

/**
 * The metric `name` of this registry, created by `create` the first time (a second pool, relay
 * or client of the same service adds its source to the same metric instead of a duplicate).
 */
export function sharedMetric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export interface GaugeSpec {
  name: string;
  help: string;
  labelNames: readonly string[];
}

/** Sets a sample: `set({ service: 'order', state: 'idle' }, 3)`. */
export type Sample = (labels: Record<string, string>, value: number) => void;

/** Adds a source to a gauge; the returned function removes it again (on close). */
export type Track<S> = (source: S) => () => void;

/**
 * A gauge of `service` read at scrape time from every source added to it (pools, relays,
 * clients): `read` samples each. A source that fails to answer (its database is down) is left out
 * of that scrape rather than failing it.
 */
export function sourcedGauge<S>(
  service: string,
  spec: GaugeSpec,
  read: (source: S, sample: Sample) => Promise<void> | void,
): Track<S> {
  const registry = serviceRegistry(service);
  const existing = sources.get(registry)?.get(spec.name) as Set<S> | undefined;
  const set = existing ?? new Set<S>();
  if (!existing) {
    const byName = sources.get(registry) ?? new Map<string, Set<unknown>>();
    byName.set(spec.name, set as Set<unknown>);
    sources.set(registry, byName);
    new Gauge({
      name: spec.name,
      help: spec.help,
      labelNames: [...spec.labelNames],
      registers: [registry],
      async collect() {
        this.reset();
        const sample: Sample = (labels, value) => this.set(labels, value);
        await Promise.all(
          [...set].map(async (source) => {
            try {
              await read(source, sample);
            } catch {
              // unreachable now: no sample from this source in this scrape
            }
          }),
        );
      },
    });
  }
  return (source) => {
    set.add(source);
    return () => set.delete(source);
  };
}

const sources = new WeakMap<Registry, Map<string, Set<unknown>>>();

/** A counter of `service`, created once however many parts count into it. */
export function serviceCounter(service: string, spec: GaugeSpec): Counter<string> {
  const registry = serviceRegistry(service);
  return sharedMetric(
    registry,
    spec.name,
    () =>
      new Counter({
        name: spec.name,
        help: spec.help,
        labelNames: [...spec.labelNames],
        registers: [registry],
      }),
  );
}
