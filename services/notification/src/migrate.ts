// Runs notification's migrations as the schema owner (the Helm pre-install job and `npm start` use it).
import { runMigrateCli } from '@fleet/db';
import { migrations, relayTables } from './data-access/migrations';

runMigrateCli('notification', migrations, relayTables);
