import { runMain } from '@fleet/http';
import { start } from './start';

runMain('identity', () => start(process.env, { handleSignals: true }));
