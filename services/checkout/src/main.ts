import { runMain } from '@fleet/http';
import { start } from './start';

runMain('checkout', () => start(process.env, { handleSignals: true }));
