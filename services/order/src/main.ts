import { runMain } from '@fleet/http';
import { start } from './start';

runMain('order', () => start(process.env, { handleSignals: true }));
