import { runMain } from '@fleet/http';
import { start } from './start';

runMain('payment', () => start(process.env, { handleSignals: true }));
