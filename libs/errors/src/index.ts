export * from './app-error';
export * from './problem';
export * from './zod';
export { transitionGuard, type TransitionGuard, type TransitionTable } from './transitions';
