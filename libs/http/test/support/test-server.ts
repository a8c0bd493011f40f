import type { Express } from 'express';
import type { Logger } from '@fleet/logger';
import {
  createHttpApp,
  startHttpServer,
  type HttpAppOptions,
  type RunningHttpServer,
  type StartHttpServerOptions,
} from '@fleet/http';
import { captureLogs, type LogLine } from './log-capture';

export interface TestServer extends RunningHttpServer {
  logger: Logger;
  app: Express;
  logs: LogLine[];
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, body: string, headers?: Record<string, string>): Promise<Response>;
}

export type TestAppOptions = Partial<Omit<HttpAppOptions, 'logger'>>;
export type TestServerOptions = Partial<Omit<StartHttpServerOptions, 'logger'>>;

/** Builds the app around `routes`, listens on port 0 and returns helpers bound to its URL. */
export async function startTestServer(
  options: TestAppOptions = {},
  serverOptions: TestServerOptions = {},
): Promise<TestServer> {
  const { logger, lines } = captureLogs();
  const app = createHttpApp({ routes: () => undefined, ...options, logger });
  const running = await startHttpServer(app, {
    port: 0,
    host: '127.0.0.1',
    shutdownTimeoutMs: 2000,
    ...serverOptions,
    logger,
  });
  return {
    ...running,
    app,
    logger,
    logs: lines,
    get: (path, init) => fetch(`${running.url}${path}`, init),
    post: (path, body, headers = {}) =>
      fetch(`${running.url}${path}`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', ...headers },
      }),
  };
}
