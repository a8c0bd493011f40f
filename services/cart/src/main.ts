import { runMain } from '@fleet/http';
import { start } from './start';

runMain('cart', () => start(process.env, { handleSignals: true }));
