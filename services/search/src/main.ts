import { runMain } from '@fleet/http';
import { start } from './start';

runMain('search', () => start(process.env, { handleSignals: true }));
