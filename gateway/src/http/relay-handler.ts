import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import { UpstreamTimeoutError } from './upstream-errors';

export const HOP_BY_HOP: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** How one exchange with the upstream ended, when it did not fail. */
export interface Exchange {
  status: number;
  /** The answer went to the client (false: a 5xx kept back so the request can be retried). */
  relayed: boolean;
}

/** Sees what is relayed to the client (the response cache collects answers with it). */
export interface ResponseTap {
  start(status: number, headers: IncomingHttpHeaders): void;
  data(chunk: Buffer): void;
  /** The whole answer reached the client's response. */
  end(): void;
}

/** The upstream broke off after part of its answer went to the client: nothing more can be said. */
export class BrokenRelayError extends Error {
  constructor(cause: Error) {
    super('The upstream broke off mid-answer.', { cause });
    this.name = 'BrokenRelayError';
  }
}

/** Aborts the upstream exchange when nobody is left to read its answer. */
class ClientGoneError extends Error {
  constructor() {
    super('The client went away.');
    this.name = 'ClientGoneError';
  }
}

/**
 * Streams one upstream answer straight into the client's response through undici's dispatch
 * API: no intermediate stream or pipeline per request, and backpressure both ways. A 5xx is
 * kept back (and its body dropped) when `keepBackServerErrors`, so that it can be retried before
 * any byte reached the client. The deadline for the response headers is kept here: undici's own
 * headers timeout ticks on a coarse clock and stays as the backstop.
 */
export class RelayHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private readonly deadline: NodeJS.Timeout;
  private expired = false;
  private readonly timeoutMs: number;
  private status = 0;
  private relaying = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly keepBackServerErrors: boolean,
    timeoutMs: number,
    private readonly resolve: (exchange: Exchange) => void,
    private readonly reject: (err: Error) => void,
    private readonly tap?: ResponseTap,
  ) {
    this.timeoutMs = timeoutMs;
    this.deadline = setTimeout(() => this.expire(), timeoutMs);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.expired) controller.abort(new UpstreamTimeoutError(this.timeoutMs));
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (statusCode < 200) return; // 1xx: the final answer is still to come
    clearTimeout(this.deadline);
    this.status = statusCode;
    if (statusCode >= 500 && this.keepBackServerErrors) return;
    if (this.res.destroyed) return controller.abort(new ClientGoneError());
    this.relaying = true;
    const { res } = this;
    res.statusCode = statusCode;
    for (const name in headers) {
      const value = headers[name];
      if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
    }
    this.tap?.start(statusCode, headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.relaying) return;
    if (this.res.destroyed) return controller.abort(new ClientGoneError());
    this.tap?.data(chunk);
    if (!this.res.write(chunk)) {
      controller.pause();
      this.res.once('drain', () => controller.resume());
    }
  }

  onResponseEnd(): void {
    clearTimeout(this.deadline);
    if (this.relaying) {
      this.res.end();
      this.tap?.end();
    }
    this.resolve({ status: this.status, relayed: this.relaying });
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    clearTimeout(this.deadline);
    // A client that went away is not the upstream's failure.
    if (err instanceof ClientGoneError) return this.resolve({ status: this.status, relayed: true });
    if (!this.relaying) return this.reject(err);
    this.res.destroy();
    this.reject(new BrokenRelayError(err));
  }

  private expire(): void {
    this.expired = true;
    this.controller?.abort(new UpstreamTimeoutError(this.timeoutMs));
  }
}
