/**
 * Writers inside this process, each a "process" of its own: a FaultyStore over the shared
 * store with its own seeded faults. A writer whose process dies (an injected crash) leaves its
 * operation's outcome unknown and comes back as a new process. Refused operations (a conflict,
 * an error before the commit) are read again from HEAD and retried. A process keeps the last
 * snapshot it read and brings it forward (updateSnapshot), as the page's long-lived writers do;
 * a new process reads the whole log.
 */
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { isLakeError } from '../../src/core/errors.ts';
import { randomUuid, seededRng } from '../../src/core/rng.ts';
import { loadSnapshot } from '../../src/core/delta/loadSnapshot.ts';
import { updateSnapshot } from '../../src/core/delta/updateSnapshot.ts';
import type { DeltaSnapshot } from '../../src/core/delta/snapshot.ts';
import { commitTransaction } from '../../src/core/delta/commitTransaction.ts';
import { CommitOutcomeUnknown } from '../../src/core/delta/commitWrite.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { FaultyStore, InjectedCrash, type FaultRates } from '../../src/storage/faultyStore.ts';
import type { ListingLag } from '../../src/storage/listingLag.ts';
import type { Ledger } from './ledger.ts';
import type { PlannedOperation } from './operations.ts';
import { planOperation } from './plannedWrite.ts';

export interface InProcessOptions {
  store: ObjectStore;
  writers: number;
  rates: FaultRates;
  lag?: ListingLag;
  seed: number;
  ledger: Ledger;
  /** Shared with the other writers of the run: each takes the next operation. */
  queue: PlannedOperation[];
  deadline: number;
  maxAttempts: number;
  name: string;
}

type Attempt = 'committed' | 'refused' | 'unknown' | 'crashed';

const realClock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };

export async function runInProcessWriters(options: InProcessOptions): Promise<void> {
  await Promise.all(Array.from({ length: options.writers }, (_, writer) => runWriter(options, writer)));
}

async function runWriter(options: InProcessOptions, writer: number): Promise<void> {
  const { ledger } = options;
  let incarnation = 0;
  const rng = seededRng(options.seed ^ (writer + 1) * 0x9e3779b1);
  const spawn = () => new FaultyStore(options.store, { rng: seededRng(options.seed ^ (writer + 1) * 7919 ^ ++incarnation * 104_729), rates: options.rates }, { lag: options.lag });
  let store = spawn();
  const proc: WriterProcess = { store };
  for (let next = options.queue.shift(); next && Date.now() < options.deadline; next = options.queue.shift()) {
    ledger.figures.operations++;
    ledger.operations.set(next.number, next.operation);
    for (let attempt = 0; attempt < options.maxAttempts; attempt++) {
      if (attempt > 0) ledger.figures.retries++;
      const result = await attemptOnce(next, proc, rng, ledger);
      if (result === 'crashed') {
        ledger.figures.crashes++;
        ledger.countFaults(store.injected);
        store = spawn();
        proc.store = store;
        proc.snapshot = undefined;
      }
      if (result !== 'refused') break;
    }
  }
  ledger.countFaults(store.injected);
}

interface WriterProcess {
  store: FaultyStore;
  /** The last snapshot this process read. */
  snapshot?: DeltaSnapshot;
}

async function attemptOnce(next: PlannedOperation, proc: WriterProcess, rng: ReturnType<typeof seededRng>, ledger: Ledger): Promise<Attempt> {
  const { store } = proc;
  let record: ReturnType<Ledger['begin']> | undefined;
  try {
    const snapshot = proc.snapshot ? await updateSnapshot(store, proc.snapshot, { codec: parquetCodec }) : await loadSnapshot(store, '', { codec: parquetCodec });
    proc.snapshot = snapshot;
    const tx = await planOperation(next.operation, snapshot, { store, rng, now: () => Date.now(), isolationLevel: 'Serializable' });
    tx.txnId = randomUuid(rng);
    record = ledger.begin(tx.txnId, next.number, tx.readVersion);
    const outcome = await commitTransaction(store, tx, { clock: realClock, engineInfo: 'Lakelab torture', verifyDataFiles: true });
    if (outcome.status === 'committed') {
      ledger.tell(record, { status: 'committed', version: outcome.version });
      return 'committed';
    }
    if (outcome.status === 'conflict') ledger.figures.conflicts++;
    ledger.tell(record, { status: 'refused', why: outcome.message });
    return 'refused';
  } catch (error) {
    if (error instanceof InjectedCrash) {
      if (record) ledger.tell(record, { status: 'unknown', why: error.message });
      return 'crashed';
    }
    if (error instanceof CommitOutcomeUnknown) {
      if (record) ledger.tell(record, { status: 'unknown', why: error.message });
      return 'unknown';
    }
    if (!isLakeError(error)) ledger.unexpected.push(`operation ${next.number} (${next.operation.kind}): ${(error as Error)?.stack ?? String(error)}`);
    ledger.figures.refusedErrors++;
    if (record) ledger.tell(record, { status: 'refused', why: isLakeError(error) ? `${error.code}: ${error.message}` : String(error) });
    return 'refused';
  }
}
