import { runMain } from '@fleet/http';
import { start } from './start';

runMain('tenancy', () => start(process.env, { handleSignals: true }));
