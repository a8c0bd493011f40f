import { runMain } from '@fleet/http';
import { start } from './start';

runMain('engagement', () => start(process.env, { handleSignals: true }));
