import type { DeadLetterRef } from '../api';

export type ReplayResult = DeadLetterRef & { replayed: boolean };

/** What a replay did: how many went back to their consumers, how many were gone already. */
export function ReplayedNotice({ results }: { results?: ReplayResult[] }) {
  if (!results) return null;
  const done = results.filter((r) => r.replayed).length;
  const gone = results.length - done;
  return (
    <p className="notice" role="status">
      Replayed {done} dead letter{done === 1 ? '' : 's'}
      {gone > 0 ? `; ${gone} had already left the queue (replayed or discarded meanwhile)` : ''}.
    </p>
  );
}
