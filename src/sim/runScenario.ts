/**
 * Runs a scenario deterministically: the starting table is written (or copied from a fixture)
 * at virtual time 0, then every writer starts, each store call takes a seeded latency, and
 * events run in (time, sequence) order. The same (scenario, seed) gives the same trace wherever it runs.
 */
import { shareParsedCommits } from '../core/delta/parsedCommits.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { seededRng } from '../core/rng.ts';
import type { Clock } from '../core/clock.ts';
import { VirtualScheduler } from './scheduler.ts';
import { SimulatedStore } from './simulatedStore.ts';
import { FaultyStore } from '../storage/faultyStore.ts';
import type { Scenario } from './scenario.ts';
import type { FixtureLoader } from './fixtureTable.ts';
import { writeStartingTable } from './startingTable.ts';
import type { SimOperations } from './simOperations.ts';
import { runWriter, type WriterEnvironment } from './runWriter.ts';
import { runLeaseWriter } from './leaseWriter.ts';
import { latestSnapshot, runCatalogWriter, snapshotKey } from './catalogWriter.ts';
import { catalogDataPrefix, catalogKey, type CatalogContext, type CatalogReader } from './simCatalog.ts';
import { LakeError } from '../core/errors.ts';
import type { SimResult, TraceEvent } from './trace.ts';
import type { CatalogUpdate } from './simCatalog.ts';
import type { ConflictRules } from '../core/delta/conflicts/conflictChecker.ts';
import type { Transaction } from '../core/delta/transaction.ts';

export interface SimDependencies {
  /** A fresh in-memory store whose modification times follow `clock`. */
  makeStore: (clock: Pick<Clock, 'now'>) => ObjectStore;
  operations: SimOperations;
  /** Let woken code run until it waits again (a macrotask turn: setTimeout(0) / setImmediate). */
  settle: () => Promise<void>;
  /**
   * Between events: let woken code run until it waits again, where that takes no macrotask
   * (Node: the microtask queue drained, process.nextTick); `settle` when absent. The same
   * interleaving either way, since simulated code waits only on virtual time.
   */
  drain?: () => Promise<void>;
  /** Where scenarios that start from a fixture (`table.fixture`) get its files. */
  fixtures?: FixtureLoader;
}

/** A store that can copy small reads out of shared blocks (MemoryStore.copySmallReadsFromBlocks). */
interface SmallReadsFromBlocks {
  copySmallReadsFromBlocks(): void;
}

export const simStartTime = Date.UTC(2026, 0, 1);
const defaultLatency = { min: 5, max: 50 };

export interface SimRun extends SimResult {
  store: ObjectStore;
  committed: WriterEnvironment['committed'];
  /** Every catalog update whose upload the store acknowledged to a lease writer. */
  catalogUpdates: CatalogUpdate[];
  /** The version the starting table is at when the writers start (0 unless a fixture). */
  startVersion: number;
  /** Reads the updates the final catalog holds (lease scenarios). */
  catalogReader?: CatalogReader;
  /** Each transaction that lost to a conflict, by the index of its conflict event in the trace. */
  lost: { at: number; transaction: Transaction }[];
}

export async function runScenario(scenario: Scenario, seed: number, deps: SimDependencies, rules: ConflictRules = 'delta-rs'): Promise<SimRun> {
  const scheduler = new VirtualScheduler(simStartTime, deps.settle, deps.drain);
  const memory = deps.makeStore(scheduler);
  const startVersion = await writeStartingTable(memory, scenario.table, { operations: deps.operations, rng: seededRng(seed ^ 0x5eed), clock: scheduler, fixtures: deps.fixtures });
  const simulated = new SimulatedStore(memory, scheduler, seededRng(seed), { default: defaultLatency, ...scenario.latency });
  const store = scenario.faults
    ? new FaultyStore(simulated, { rng: seededRng(seed ^ 0xfa17), rates: { ...scenario.faults, calls: scenario.faults.calls?.filter((c): c is Exclude<typeof c, 'lease'> => c !== 'lease') } }, scheduler)
    : simulated;
  // Every writer reads every winning commit: each is parsed once for all of them.
  shareParsedCommits(store);
  shareParsedCommits(memory);
  // The writers' ~9,000 reads a run of small commits, copied without a buffer each: no reader of the simulator's store
  // transfers a read's buffer (a DuckLake catalog, the one file handed to duckdb-wasm, is larger than a block copy).
  (memory as Partial<SmallReadsFromBlocks>).copySmallReadsFromBlocks?.();
  const trace: TraceEvent[] = [];
  const lost: SimRun['lost'] = [];
  const env: WriterEnvironment = {
    store,
    scheduler,
    operations: deps.operations,
    isolationLevel: scenario.isolationLevel,
    startTime: simStartTime,
    record: (event) => trace.push(event),
    committed: [],
    rules,
    inspect: memory,
    lost: (transaction) => lost.push({ at: trace.length - 1, transaction }),
  };
  const outcomes: Record<string, string> = {};
  const catalogUpdates: CatalogUpdate[] = [];
  let done = 0;
  const spec = scenario.catalog;
  const ducklake = deps.operations.ducklake;
  if (spec && !ducklake) throw new LakeError('Unsupported', `scenario ${scenario.name} works on a DuckLake catalog, and this simulator was started without Lakelab's DuckLake writer`);
  // The catalog's data files go straight to memory: writing them is part of a run's work (its `work` time), as on OneLake.
  const catalogContext = (i: number): CatalogContext => ({ data: { store: memory, prefix: catalogDataPrefix }, now: () => scheduler.now(), rng: seededRng(seed * 104729 + i) });
  if (spec && ducklake) await memory.put(catalogKey, await ducklake.createCatalog(spec, catalogContext(0)));
  // Catalog database writers race for snapshot ids: the starting catalog is the first snapshot row they read.
  const database = spec && ducklake && scenario.writers.some((w) => w.ducklake);
  if (database) {
    const start = await memory.get(catalogKey);
    await memory.put(snapshotKey((await ducklake.snapshotsOf(start, spec.table)).latest), start);
  }
  const writers = scenario.writers.map((script, i) =>
    (script.ducklake
      ? runCatalogWriter(script.name, script.ducklake, {
        store, scheduler, ducklake: ducklake!, spec: spec!, context: catalogContext(i + 1),
        record: (e) => trace.push({ t: scheduler.now() - simStartTime, writer: script.name, ...e, catalog: true }),
        acknowledge: () => catalogUpdates.push({ writer: script.name, update: script.name, t: scheduler.now() - simStartTime }),
      })
      : script.lease
      ? runLeaseWriter(script.name, script.lease, store, scheduler, (e) => trace.push({ t: scheduler.now() - simStartTime, writer: script.name, ...e }),
        (update) => catalogUpdates.push({ writer: script.name, update, t: scheduler.now() - simStartTime }),
        (catalog, writer, change) => ducklake!.commit(catalog, spec!, writer, change, catalogContext(i + 1)))
      : runWriter(script, env, seededRng(seed * 7919 + i + 1))
    ).then((outcome) => {
      outcomes[script.name] = outcome;
      done++;
    }));
  let events = 0;
  // Writers only wait on virtual time; a settle between runs covers any first-use initialisation.
  while (done < writers.length) {
    events += await scheduler.run();
    if (done < writers.length) await deps.settle();
  }
  await Promise.all(writers);
  // The database's latest snapshot, as the catalog file the explorer opens (and the no-lost-update invariant reads).
  if (database) await memory.put(catalogKey, (await latestSnapshot(memory)).bytes);
  const finalVersion = env.committed.reduce((latest, c) => Math.max(latest, c.version), startVersion);
  return { scenario: scenario.name, seed, trace, outcomes, finalVersion, events, store: memory, committed: env.committed, catalogUpdates, startVersion, lost, catalogReader: ducklake?.reader };
}
