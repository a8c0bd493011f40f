import type { Response } from 'express';
import type { RawJson, RawPage } from '../domain/products/store-products';

/** Sends JSON that Postgres already built, without parsing or serialising it again. */
export function sendRawJson(res: Response, json: RawJson): void {
  res.type('application/json').send(json);
}

export function sendRawPage(res: Response, page: RawPage): void {
  sendRawJson(res, `{"items":[${page.items.join(',')}],"nextCursor":${JSON.stringify(page.nextCursor)}}`);
}
