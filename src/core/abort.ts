import { abortedError } from './errors.ts';

/** The part of AbortSignal core uses; every runtime's AbortSignal satisfies it. */
export interface AbortSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw abortedError(what);
}
