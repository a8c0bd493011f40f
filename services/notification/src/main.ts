import { runMain } from '@fleet/http';
import { start } from './start';

runMain('notification', () => start(process.env, { handleSignals: true }));
