/** Messages of the live simulator: the page, the shared store's worker, and one worker per writer. */
import type { TraceEvent } from '../sim/trace.ts';
import type { Transaction } from '../core/delta/transaction.ts';
import type { SerializedLakeError } from '../core/errors.ts';
import type { LiveTarget } from './liveTarget.ts';
import type { InvariantViolation } from '../sim/invariants.ts';
import type { SimTableObjects } from './simProtocol.ts';

export type StoreWorkerRequest =
  | { kind: 'setup'; scenario: string | unknown; target: LiveTarget; samplesUrl?: string }
  | { kind: 'connect'; port: MessagePort }
  // Not the trace: a live run's is hundreds of thousands of events, seconds to copy between threads, and the log checks do not need it.
  | { kind: 'check'; committed: { writer: string; version: number; transaction: Transaction }[] };

export type StoreWorkerResponse =
  | { kind: 'ready'; writers: string[]; startVersion: number }
  /** The log's checks, and the table the race left (for the explorer). */
  | { kind: 'checked'; problems: InvariantViolation[]; table: SimTableObjects }
  | { kind: 'failed'; error: SerializedLakeError };

export type WriterWorkerRequest = { scenario: string | unknown; writer: number; port: MessagePort; startTime: number };

export type WriterWorkerMessage =
  /** Trace events in batches: one message per event was a quarter of a million messages for the page to take in. */
  | { kind: 'events'; events: TraceEvent[] }
  | { kind: 'done'; writer: string; outcome: string; committed: { writer: string; version: number; transaction: Transaction }[] };
