/** A 5xx answer: a failure for the circuit, yet the answer the client gets when no retry helps. */
export class UpstreamServerError extends Error {
  constructor(
    readonly status: number,
    /** Already streamed to the client (the last attempt). */
    readonly relayed: boolean,
  ) {
    super(`The upstream answered ${status}.`);
    this.name = 'UpstreamServerError';
  }
}

/** The response headers did not arrive in time. */
export class UpstreamTimeoutError extends Error {
  readonly code = 'UPSTREAM_HEADERS_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`No response headers within ${timeoutMs} ms.`);
    this.name = 'UpstreamTimeoutError';
  }
}
