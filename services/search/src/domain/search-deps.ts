import type { ReindexQueue } from '../messaging/reindex.queue';
import type { SearchEngine } from './search-engine';

/** What the use cases need; main.ts builds it from config, tests from fixtures. */
export interface SearchDeps {
  engine: SearchEngine;
  reindex: Pick<ReindexQueue, 'enqueue' | 'status'>;
}
