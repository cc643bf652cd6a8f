/**
 * What the writers did, as they saw it: every transaction each operation tried, with the
 * outcome its writer was told (committed at a version, refused, or unknown because the writer
 * died or could not confirm), and the figures the run prints.
 */
import type { Operation } from './operations.ts';

export type Told =
  | { status: 'committed'; version: number }
  /** A conflict, retries exhausted, or an error before anything was committed. */
  | { status: 'refused'; why: string }
  /** The writer died, was killed, or could not confirm: the commit may or may not be there. */
  | { status: 'unknown'; why: string }
  | { status: 'pending' };

export interface TransactionRecord {
  txnId: string;
  operation: number;
  readVersion?: number;
  told: Told;
}

export class Ledger {
  readonly operations = new Map<number, Operation>();
  readonly transactions = new Map<string, TransactionRecord>();
  readonly figures = { operations: 0, transactions: 0, committed: 0, conflicts: 0, retries: 0, crashes: 0, unknown: 0, refusedErrors: 0, faults: {} as Record<string, number> };
  /** Exceptions that were not LakeErrors: each is a bug. */
  readonly unexpected: string[] = [];

  begin(txnId: string, operation: number, readVersion?: number): TransactionRecord {
    const record: TransactionRecord = { txnId, operation, readVersion, told: { status: 'pending' } };
    this.transactions.set(txnId, record);
    this.figures.transactions++;
    return record;
  }

  tell(record: TransactionRecord, told: Told): void {
    record.told = told;
    if (told.status === 'committed') this.figures.committed++;
    if (told.status === 'unknown') this.figures.unknown++;
  }

  countFaults(injected: Partial<Record<string, number>>): void {
    for (const [kind, n] of Object.entries(injected)) this.figures.faults[kind] = (this.figures.faults[kind] ?? 0) + (n ?? 0);
  }
}
