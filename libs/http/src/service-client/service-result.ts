/** A problem document another service answered with (all its members are kept). */
export interface UpstreamProblem {
  code: string;
  detail: string;
  [member: string]: unknown;
}

/** Why a call had no usable answer. */
export type UnavailableReason =
  /** Refused, reset, closed or unreachable: nothing came back. */
  | 'connection'
  /** No complete answer within the call's timeout. */
  | 'timeout'
  /** A 5xx, 408 or 429: the callee is there but cannot answer now. */
  | 'status'
  /** The callee's circuit is open: it was not called. */
  | 'circuit_open';

/**
 * What a call between services gives back (never throws for an upstream's failure):
 * - ok: a 2xx, its parsed JSON body ({} when there is none).
 * - problem: a 4xx other than 408 and 429, a final answer that a retry would not change.
 * - unavailable: no answer, a timeout, a 5xx, 408 or 429 after the retries allowed: try later.
 *   `status` and `problem` are set when the callee did answer.
 */
export type ServiceResult<T> =
  | { ok: true; status: number; body: T; retryAfter?: number }
  | { ok: false; kind: 'problem'; status: number; problem: UpstreamProblem; retryAfter?: number }
  | {
      ok: false;
      kind: 'unavailable';
      reason: UnavailableReason;
      /** One line for logs: the callee and what happened. */
      error: string;
      status?: number;
      problem?: UpstreamProblem;
      /** Seconds, from the callee's Retry-After or the open circuit. */
      retryAfter?: number;
    };

export type ServiceFailure = Exclude<ServiceResult<never>, { ok: true }>;
export type ServiceUnavailable = Extract<ServiceFailure, { kind: 'unavailable' }>;
