import { runMain } from '@fleet/http';
import { start } from './start';

runMain('inventory', () => start(process.env, { handleSignals: true }));
