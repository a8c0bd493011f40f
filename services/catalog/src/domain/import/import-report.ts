import type { FieldError } from '@fleet/errors';

export interface RowError {
  row: number;
  errors: FieldError[];
}

export interface ImportReport {
  /** Rows whose variant was saved. */
  imported: number;
  /** Rows refused (each is listed in `errors`, up to MAX_REPORTED_ROWS). */
  failed: number;
  errors: RowError[];
  /** True when more rows failed than are listed. */
  errorsTruncated: boolean;
  /** True when the file had more rows than the import takes; the rest were not read. */
  truncated: boolean;
}

/** Bounds the report whatever the file: the counts stay exact, the list of errors does not grow past this. */
export const MAX_REPORTED_ROWS = 1000;

export class ImportReportBuilder {
  private readonly report: ImportReport = {
    imported: 0,
    failed: 0,
    errors: [],
    errorsTruncated: false,
    truncated: false,
  };

  succeeded(rows: number): void {
    this.report.imported += rows;
  }

  failed(row: number, errors: FieldError[]): void {
    this.report.failed += 1;
    if (this.report.errors.length < MAX_REPORTED_ROWS) this.report.errors.push({ row, errors });
    else this.report.errorsTruncated = true;
  }

  stoppedAt(row: number, maxRows: number): void {
    this.report.truncated = true;
    this.failed(row, [
      {
        path: '(file)',
        message: `the import takes at most ${maxRows} rows; this row and the rest were not read`,
      },
    ]);
  }

  get imported(): number {
    return this.report.imported;
  }

  result(): ImportReport {
    this.report.errors.sort((a, b) => a.row - b.row);
    return this.report;
  }
}
