/**
 * Errors a caller can only pass on. Outcomes a caller acts on (a conflict, "exists",
 * "lease held") are values, never LakeErrors.
 */
export type LakeErrorCode =
  | 'NotFound'
  | 'AccessDenied'
  | 'Corrupt'
  | 'Unsupported'
  | 'Network'
  | 'Aborted'
  | 'InvalidInput';

export class LakeError extends Error {
  readonly code: LakeErrorCode;

  constructor(code: LakeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LakeError';
    this.code = code;
  }

  /** The plain form errors take across workers and process boundaries. */
  toJSON(): SerializedLakeError {
    return { name: 'LakeError', code: this.code, message: this.message };
  }
}

export interface SerializedLakeError {
  name: 'LakeError';
  code: LakeErrorCode;
  message: string;
}

export function isLakeError(error: unknown, code?: LakeErrorCode): error is LakeError {
  return error instanceof LakeError && (code === undefined || error.code === code);
}

/** Rebuild an error that crossed a worker or process boundary. */
export function toLakeError(value: unknown): LakeError {
  if (value instanceof LakeError) return value;
  if (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'LakeError') {
    const { code, message } = value as SerializedLakeError;
    return new LakeError(code, message);
  }
  const message = value instanceof Error ? value.message : String(value);
  return new LakeError('Corrupt', `unexpected error: ${message}`, { cause: value });
}

export function abortedError(what: string): LakeError {
  return new LakeError('Aborted', `${what} was cancelled`);
}
