// The host as a library: the launchers build its plan; its tests read and shift plans.
export { PLAN_ENV, readPlan, workerEnv, type HostedService, type HostPlan } from './plan';
export { startWorker, type RunningWorker } from './worker';
