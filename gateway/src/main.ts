import { runMain } from '@fleet/http';
import { start } from './start';

runMain('gateway', () => start(process.env, { handleSignals: true }));
