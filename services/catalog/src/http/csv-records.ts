import type { Request } from 'express';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '@fleet/errors';
import type { CsvRecord } from '../domain/import/import-products';

/** A row longer than this is refused (bounds memory whatever the file). */
const MAX_RECORD_BYTES = 64 * 1024;

/**
 * The records of a `text/csv` request body as it streams in: csv-parse reads the request stream,
 * nothing is buffered whole, and the loop that consumes the records sets the pace (backpressure
 * pauses the request). A syntax error becomes a 400 `malformed_csv`. When the consumer stops
 * early, the rest of the body is drained so the response can still be sent.
 */
export async function* csvRecords(req: Request): AsyncGenerator<CsvRecord> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    info: true,
  });
  const abort = () => {
    if (!req.readableEnded) parser.destroy(new Error('The request body ended before it was complete.'));
  };
  req.on('error', abort);
  req.on('close', abort);
  req.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { records: number };
    }>) {
      yield { fields: record, row: info.records };
    }
  } catch (err) {
    // Every syntax error is a CsvError; their codes do not all start with CSV_ (INVALID_OPENING_QUOTE).
    if (!(err instanceof CsvError)) throw err;
    throw new AppError('validation', `The CSV is malformed: ${(err as Error).message}.`, {
      code: 'malformed_csv',
      errors: [{ path: '(file)', message: (err as Error).message }],
    });
  } finally {
    req.off('error', abort);
    req.off('close', abort);
    req.unpipe(parser);
    parser.destroy();
    if (!req.readableEnded) req.resume();
  }
}
