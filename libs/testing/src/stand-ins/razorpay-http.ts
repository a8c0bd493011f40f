import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RazorpayAccount } from './razorpay-accounts';
import type { RazorpayWebhookEvent } from './razorpay-events';

/** The HTTP plumbing of the Razorpay stand-in: one request in, one JSON reply out. */

export interface RazorpayCall {
  account: RazorpayAccount;
  /** The path's captured ids (`/v1/payments/:id/refund` → [id]). */
  params: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export interface RazorpayReply {
  status: number;
  body: unknown;
  /** Webhooks the change causes; sent after the reply, as Razorpay does. */
  events?: RazorpayWebhookEvent[];
}

export const ok = (body: unknown, events?: RazorpayWebhookEvent[]): RazorpayReply => ({
  status: 200,
  body,
  ...(events ? { events } : {}),
});

/** Razorpay answers almost every refusal with 400 BAD_REQUEST_ERROR and a sentence. */
export function badRequest(description: string, field?: string, status = 400): RazorpayReply {
  return {
    status,
    body: {
      error: {
        code: 'BAD_REQUEST_ERROR',
        description,
        source: 'business',
        step: 'payment_initiation',
        reason: 'input_validation_failed',
        metadata: {},
        ...(field ? { field } : {}),
      },
    },
  };
}

export const unauthenticated = (): RazorpayReply => badRequest('Authentication failed', undefined, 401);
export const noSuchId = (): RazorpayReply => badRequest('The id provided does not exist', 'id');

/** A page of a list, newest first, with Razorpay's `count` (default 10, at most 100) and `skip`. */
export function collection(items: readonly unknown[], query: URLSearchParams): RazorpayReply {
  const count = query.has('count') ? Number(query.get('count')) : 10;
  const skip = query.has('skip') ? Number(query.get('skip')) : 0;
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    return badRequest('The count must be between 1 and 100.', 'count');
  }
  if (!Number.isInteger(skip) || skip < 0) return badRequest('The skip must be at least 0.', 'skip');
  const page = [...items].reverse().slice(skip, skip + count);
  return ok({ entity: 'collection', count: page.length, items: page });
}

/** `Authorization: Basic base64(key_id:key_secret)`, as the SDK's axios sends it. */
export function basicAuth(header: string | undefined): { keyId: string; keySecret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? { keyId: decoded.slice(0, colon), keySecret: decoded.slice(colon + 1) } : null;
}

const MAX_BODY = 1024 * 1024;

/** The JSON object body (empty when there is none); null when it is not a JSON object. */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function sendJson(res: ServerResponse, reply: RazorpayReply): void {
  const body = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
