import type { ServiceResult, UpstreamProblem } from './service-result';

/** Seconds of a Retry-After header given in seconds (a date is not used between services). */
export function retryAfterOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function problemOf(service: string, status: number, parsed: unknown): UpstreamProblem {
  const problem = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as Record<string, unknown>;
  return {
    ...problem,
    code: typeof problem.code === 'string' ? problem.code : `http_${status}`,
    detail: typeof problem.detail === 'string' ? problem.detail : `${service} answered ${status}`,
  };
}

/** True for the answers that mean "not now" rather than "no": 5xx, 408 and 429. */
export const isTransientStatus = (status: number): boolean =>
  status >= 500 || status === 408 || status === 429;

/** Maps an answer (status and body text) into a result; the body is JSON, {} when empty or not JSON. */
export function resultOf<T>(
  service: string,
  status: number,
  text: string,
  retryAfter: number | undefined,
): ServiceResult<T> {
  const parsed = parseJson(text);
  const extra = retryAfter === undefined ? {} : { retryAfter };
  if (status >= 200 && status < 300) return { ok: true, status, body: (parsed ?? {}) as T, ...extra };
  const problem = problemOf(service, status, parsed);
  if (isTransientStatus(status)) {
    const error = `${service} answered ${status}`;
    return { ok: false, kind: 'unavailable', reason: 'status', error, status, problem, ...extra };
  }
  return { ok: false, kind: 'problem', status, problem, ...extra };
}
