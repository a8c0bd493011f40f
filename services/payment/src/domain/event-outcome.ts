/** What applying a provider event did: an expected result, never an exception. */
export type EventOutcome =
  | { kind: 'applied' }
  /** Recorded and never retried: a duplicate, an out-of-order event, or one that does not fit. */
  | { kind: 'ignored'; reason: string }
  /** Not applicable yet (its payment is not visible yet): retried later with backoff. */
  | { kind: 'retry'; reason: string };
