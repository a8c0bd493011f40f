import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a stand-in route answers: the status and the JSON Stripe would send. */
export interface StripeReply {
  status: number;
  body: object;
}

/**
 * An error answer in Stripe's shape (`{error: {type, code?, param?, message}}`), which the SDK
 * turns into its error classes by status and type. Routes throw it; the server writes it.
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error',
    message: string,
    readonly extra: { code?: string; param?: string } = {},
  ) {
    super(message);
  }

  toReply(): StripeReply {
    return {
      status: this.status,
      body: { error: { type: this.type, ...this.extra, message: this.message } },
    };
  }
}

export const invalidRequest = (
  message: string,
  extra: { code?: string; param?: string } = {},
  status = 400,
) => new StripeApiError(status, 'invalid_request_error', message, extra);

/** Stripe's own limit on a request body is far larger than anything a payment integration sends. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function readRequestBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw invalidRequest('Request body too large.', {}, 413);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function writeStripeReply(
  res: ServerResponse,
  reply: StripeReply,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify(reply.body, null, 2);
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
