/**
 * One torture run against one store: create the table, let the writers loose on a shared
 * queue of seeded operations until the queue or the time runs out, then check the table
 * independently. The same seed draws the same operations and faults (timing still varies:
 * real stores and processes race for real).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { seededRng } from '../../src/core/rng.ts';
import { commitTransaction } from '../../src/core/delta/commitTransaction.ts';
import type { FaultRates } from '../../src/storage/faultyStore.ts';
import { ListingLag } from '../../src/storage/listingLag.ts';
import { Ledger } from './ledger.ts';
import { planOperations } from './operations.ts';
import { planCreate } from './plannedWrite.ts';
import { runInProcessWriters } from './inProcessWriters.ts';
import { checkTable, setupTxnId, type CheckResult } from './checkTable.ts';
import type { RawTable } from './rawTable.ts';
import { runCliWriters, type CliOptions } from './cliWriters.ts';

export interface TortureOptions {
  name: string;
  seed: number;
  /** Operations to draw; the run stops early at the deadline. */
  operations: number;
  seconds: number;
  writers: number;
  rates: FaultRates;
  /** Listing lag: the share of writes held back from listings, for up to maxMs. */
  lag?: { share: number; maxMs: number };
  /** Real `lakelab` processes writing alongside (a folder only). */
  cli?: Omit<CliOptions, 'queue' | 'ledger' | 'deadline' | 'seed'>;
  maxAttempts?: number;
}

export interface TortureResult {
  name: string;
  seed: number;
  ledger: Ledger;
  check: CheckResult;
  seconds: number;
}

/** The faults every torture run injects (per store call). */
export const defaultRates: FaultRates = {
  fail: 0.01, delay: 0.05, maxDelayMs: 30, timeout: 0.003, failAfter: 0.05, existsAfter: 0.05, phantom: 0.02, truncate: 0.003, crash: 0.0003,
};

export async function runTorture(store: ObjectStore, raw: RawTable, options: TortureOptions): Promise<TortureResult> {
  const started = Date.now();
  const ledger = new Ledger();
  const rng = seededRng(options.seed);
  const setup = await planCreate({ store, rng, now: () => Date.now() });
  setup.txnId = setupTxnId;
  await commitTransaction(store, setup, { clock: { now: () => Date.now() }, engineInfo: 'Lakelab torture' });
  const planned = planOperations(rng, options.operations);
  // With CLI processes, they take every other operation: a process starts far slower than a call.
  const queue = options.cli ? planned.filter((o) => o.number % 2 === 1) : planned;
  const cliQueue = options.cli ? planned.filter((o) => o.number % 2 === 0) : [];
  const deadline = started + options.seconds * 1000;
  const lag = options.lag ? new ListingLag(seededRng(options.seed ^ 0x1a6), options.lag) : undefined;
  await Promise.all([
    runInProcessWriters({ store, writers: options.writers, rates: options.rates, lag, seed: options.seed, ledger, queue, deadline, maxAttempts: options.maxAttempts ?? 10, name: options.name }),
    options.cli ? runCliWriters({ ...options.cli, queue: cliQueue, ledger, deadline, seed: options.seed }) : Promise.resolve(),
  ]);
  if (lag) ledger.figures.faults.listingLag = lag.lagged;
  const scratch = mkdtempSync(join(tmpdir(), 'lakelab-torture-check-'));
  try {
    const check = await checkTable(raw, store, ledger, scratch);
    check.violations.push(...ledger.unexpected.map((u) => `an exception that is not a LakeError: ${u}`));
    for (const record of ledger.transactions.values()) if (record.told.status === 'pending') check.violations.push(`transaction ${record.txnId} was never told an outcome`);
    return { name: options.name, seed: options.seed, ledger, check, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatResult(result: TortureResult): string {
  const f = result.ledger.figures;
  const faults = Object.entries(f.faults).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
  const lines = [
    `${result.name}: seed ${result.seed}, ${result.seconds.toFixed(1)} s`,
    `  operations ${f.operations}, transactions ${f.transactions}, committed ${f.committed}, versions ${result.check.versions}`,
    `  faults injected: ${Object.values(f.faults).reduce((a, b) => a + b, 0)} (${faults})`,
    `  crashes ${f.crashes}, outcomes unknown ${f.unknown}, conflicts ${f.conflicts}, retries ${f.retries}, refused by an error ${f.refusedErrors}`,
    `  left behind: ${result.check.tempFiles} temporary commit file(s), ${result.check.unreferencedFiles} data file(s) no version names`,
    `  violations ${result.check.violations.length}`,
    ...result.check.violations.slice(0, 20).map((v) => `    - ${v}`),
  ];
  return lines.join('\n');
}
