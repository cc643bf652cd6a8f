/**
 * An open table as the worker's router sees it, whatever its format: every TableApi method but
 * open, each taking the call's context last. deltaReader.ts and ducklakeReader.ts implement it.
 */
import type { AbortSignal } from '../core/abort.ts';
import type { LoadProgressMessage, TableApi } from './protocol.ts';

export interface CallContext {
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgressMessage) => void;
}

export type ReaderMethod = Exclude<keyof TableApi, 'open' | 'close'>;

export type TableReader = {
  [M in ReaderMethod]: (...args: [...Parameters<TableApi[M]>, CallContext?]) => ReturnType<TableApi[M]>;
} & { close(): Promise<void> };
