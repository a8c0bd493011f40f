import { runMain } from '@fleet/http';
import { start } from './start';

runMain('shipment', () => start(process.env, { handleSignals: true }));
