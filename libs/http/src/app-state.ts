import type { Express } from 'express';
import type { Registry } from 'prom-client';

/** Per-app state shared between the app's middleware and the server that runs it. */
export interface AppState {
  registry: Registry;
  /** Process metrics shown after the app's own (shared by every app of the process). */
  processRegistry?: Registry;
  /** The service's metrics outside HTTP (outbox, consumers, pools, breakers): see @fleet/telemetry. */
  serviceRegistry?: Registry;
  shuttingDown: boolean;
}

const states = new WeakMap<Express, AppState>();

export function initAppState(
  app: Express,
  registry: Registry,
  processRegistry?: Registry,
  serviceRegistry?: Registry,
): AppState {
  const state: AppState = { registry, processRegistry, serviceRegistry, shuttingDown: false };
  states.set(app, state);
  return state;
}

function stateOf(app: Express): AppState {
  const state = states.get(app);
  if (!state) throw new Error('This app was not built by createHttpApp().');
  return state;
}

/** The app's own Prometheus registry; register service-specific metrics here. */
export function getMetricsRegistry(app: Express): Registry {
  return stateOf(app).registry;
}

/** Makes `/readyz` answer 503 so load balancers stop routing new traffic to this app. */
export function markShuttingDown(app: Express): void {
  const state = states.get(app);
  if (state) state.shuttingDown = true;
}

/** The process metrics the app shows after its own, if any. */
export function getProcessMetricsRegistry(app: Express): Registry | undefined {
  return stateOf(app).processRegistry;
}

export function isShuttingDown(app: Express): boolean {
  return stateOf(app).shuttingDown;
}

/** The service's own registry shown after the app's, if any. */
export function getServiceMetricsRegistry(app: Express): Registry | undefined {
  return stateOf(app).serviceRegistry;
}
