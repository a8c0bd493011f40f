// Runs search's migrations as the schema owner (the Helm pre-install job and `npm start` use it).
// Search publishes no events: no outbox, so no relay role.
import { runMigrateCli } from '@fleet/db';
import { migrations } from './data-access/migrations';

runMigrateCli('search', migrations, []);
