// Runs the storefront's migrations as the schema owner (the Helm pre-install job and `npm start`).
import { runMigrateCli } from '@fleet/db';
import { migrations, relayTables } from './data-access/migrations';

runMigrateCli('storefront', migrations, relayTables);
