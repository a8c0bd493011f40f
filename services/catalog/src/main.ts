import { runMain } from '@fleet/http';
import { start } from './start';

runMain('catalog', () => start(process.env, { handleSignals: true }));
