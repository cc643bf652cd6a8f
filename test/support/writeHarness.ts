/** A table in memory plus the helpers write tests share: open at a version, commit, read rows. */
import { ManualClock } from '../../src/core/clock.ts';
import { seededRng } from '../../src/core/rng.ts';
import type { ObjectStore } from '../../src/core/objectStore.ts';
import { loadSnapshot } from '../../src/core/delta/loadSnapshot.ts';
import { commitTransaction } from '../../src/core/delta/commitTransaction.ts';
import type { Transaction } from '../../src/core/delta/transaction.ts';
import type { StructType } from '../../src/core/delta/schemaTypes.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { parquetCodec } from '../../src/query/parquetRows.ts';
import { runCreateTable } from '../../src/query/writeExecutor.ts';
import type { WriteContext } from '../../src/query/writeContext.ts';
import type { SqlEngine } from '../../src/query/duckdbEngine.ts';
import { readTableRows } from '../readTableRows.ts';

export class WriteHarness {
  readonly clock = new ManualClock(1_767_225_600_000);
  readonly context: WriteContext;

  constructor(readonly store: ObjectStore = new MemoryStore(), seed = 1, joinEngine?: SqlEngine) {
    this.context = { store, rng: seededRng(seed), now: () => this.clock.now(), joinEngine };
  }

  snapshot(version?: number) {
    return loadSnapshot(this.store, '', { codec: parquetCodec, version });
  }

  async commit(tx: Transaction, maxRetries?: number) {
    this.clock.advance(1000);
    return commitTransaction(this.store, tx, { clock: this.clock, engineInfo: 'Lakelab/test', maxRetries });
  }

  async committed(tx: Transaction): Promise<number> {
    const outcome = await this.commit(tx);
    if (outcome.status !== 'committed') throw new Error(`expected a commit, got ${outcome.status}: ${'message' in outcome ? outcome.message : ''}`);
    return outcome.version;
  }

  async create(schema: StructType, rows: Record<string, unknown>[], partitionColumns: string[] = []) {
    return this.committed(await runCreateTable({ tableRoot: '', schema, partitionColumns, rows }, this.context));
  }

  rows(version?: number) {
    return readTableRows(this.store, { version, codec: parquetCodec });
  }
}

export const sortById = (rows: Record<string, unknown>[]) => [...rows].sort((a, b) => Number(a.id) - Number(b.id));
