/**
 * Typed domain errors. Services throw these; the platform error handler maps the code to an
 * HTTP status and a Thai page. Messages are Thai because they reach officers as they are.
 */

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A problem with one field of one row of an input (a form, a file, a JSON object). */
export interface FieldError {
  /** Field path, e.g. `indicators.3` or `score`. */
  field: string;
  /** Row number as the file shows it (spreadsheet row with the header as row 1, or CSV line), when the input is a file. */
  row?: number;
  /** Thai message naming what is wrong. */
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fieldErrors: FieldError[];
  constructor(code: ErrorCode, message: string, fieldErrors: FieldError[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const validationError = (message: string, fieldErrors: FieldError[] = []) =>
  new DomainError('VALIDATION', message, fieldErrors);
export const notFound = (message = 'ไม่พบข้อมูลที่ต้องการ') => new DomainError('NOT_FOUND', message);
export const forbidden = (message = 'ท่านไม่มีสิทธิ์ดำเนินการนี้') => new DomainError('FORBIDDEN', message);

/** Formats a field error for a one-line message: "แถวที่ 3, คอลัมน์ score: …". */
export function describeFieldError(e: FieldError): string {
  const where = [e.row !== undefined ? `แถวที่ ${e.row}` : null, e.field ? `ช่อง ${e.field}` : null]
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}
