import { runMain } from '@fleet/http';
import { start } from './start';

runMain('storefront', () => start(process.env, { handleSignals: true }));
