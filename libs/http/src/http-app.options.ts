import type { Express, Request, Response } from 'express';
import type { HelmetOptions } from 'helmet';
import type { Logger } from '@fleet/logger';

/** A readiness check: resolves when the dependency is reachable, rejects (or hangs) when not. */
export type ReadinessCheck = () => Promise<unknown> | unknown;

/** Computes one extra metric label per request. Keep the value set small (e.g. tenant id). */
export type MetricLabelFn = (req: Request, res: Response) => string | undefined;

export interface MetricsOptions {
  /** Collect prom-client's default process metrics into the app's registry. Default true. */
  defaultMetrics?: boolean;
  /** Extra labels on `http_request_duration_seconds`, e.g. `{ tenant: (req, res) => ... }`. */
  extraLabels?: Record<string, MetricLabelFn>;
  /** Histogram buckets in seconds. */
  buckets?: number[];
}

export interface HttpAppOptions {
  /** The service whose spans the app's requests are (default: the logger's `service`). */
  service?: string;
  /**
   * Continue a caller's trace from its `traceparent` header. Default true (calls between
   * services); the gateway sets false so that every trace starts at the front door.
   */
  continueTrace?: boolean;
  /** Logs unexpected errors and one access line per request. */
  logger: Logger;
  /** Registers the service's routes (and middleware such as tenant context) on the app. */
  routes: (app: Express) => void;
  /** Express `trust proxy` setting. Default false. */
  trustProxy?: boolean | number | string | string[];
  /** Helmet options, merged over the API defaults (no CSP); `false` disables helmet. */
  helmet?: HelmetOptions | false;
  /** `false` leaves request bodies unread (the gateway streams them upstream). Default true. */
  bodyParser?: boolean;
  /** Max JSON body size (bytes or a `bytes` string such as '1mb'). Default '1mb'. */
  bodyLimit?: number | string;
  /** Named readiness checks run by `GET /readyz`, e.g. `{ postgres: () => db.ping() }`. */
  readiness?: Record<string, ReadinessCheck>;
  /** Timeout of each readiness check. Default 2000 ms. */
  readinessTimeoutMs?: number;
  metrics?: MetricsOptions;
  /**
   * `all` (default): `/healthz`, `/readyz` and `/metrics` on this app. `healthz`: only `/healthz`,
   * for an app on a public port whose `/readyz` and `/metrics` go on an internal listener
   * (createOpsApp).
   */
  opsRoutes?: 'all' | 'healthz';
  /** Log one line per finished request. Default true. */
  accessLog?: boolean;
}
