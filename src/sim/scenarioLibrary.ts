/**
 * The built-in scenarios, each with what it teaches. Their outcomes follow delta-rs's verdicts
 * (shared/notes/delta-conflicts.md) and hold for every seed.
 */
import type { Row, Scenario } from './scenario.ts';
import type { StructType } from '../core/delta/schemaTypes.ts';
import type { Invariant } from './invariants.ts';

const seedSchema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'value', type: 'double', nullable: true, metadata: {} },
  { name: 'filename', type: 'string', nullable: true, metadata: {} },
] };

const batch = (n: number): Row[] => Array.from({ length: 20 }, (_, i) => ({ id: (n - 1) * 20 + i + 1, value: n + i / 10, filename: `batch_${String(n).padStart(3, '0')}.csv` }));
const keyed: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'p', type: 'string', nullable: true, metadata: {} },
  { name: 'value', type: 'long', nullable: true, metadata: {} },
] };
const keyedRows = (p: string, from: number, n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: from + i, p, value: 0 }));

export interface LibraryScenario extends Scenario {
  /** Outcome counts every seed must give (outcome -> number of writers). */
  expectCounts?: Record<string, number>;
  /** The invariants every seed must find broken, and whom they concern (a scenario that shows what goes wrong). */
  expectViolations?: { invariant: Invariant; writer: string }[];
}

const leaseTable = { schema: keyed, rows: [] as Row[] };
/** The seed's DuckLake: one table of loaded batches in a SQLite catalog; each run loads a batch. */
const leaseCatalog = { table: 'main.batches', columns: [{ name: 'batch', type: 'varchar' }, { name: 'loaded_by', type: 'varchar' }, { name: 'rows_loaded', type: 'int64' }], rows: [{ batch: 'batch_000', loaded_by: 'setup', rows_loaded: 100 }] };
const loads = (run: string, batch: string) => ({ insert: [{ batch, loaded_by: run, rows_loaded: 100 }] });
const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;

/** The same workload on a Delta table and on a DuckLake catalog database: three appenders and a cleanup that works for a second. */
const sharedStart = keyedRows('a', 1, 5);
const appendRow = (n: number): Row[] => [{ id: 100 + n, p: 'a', value: n }];
const databaseCatalog = { table: 'main.events', columns: [{ name: 'id', type: 'int64' }, { name: 'p', type: 'varchar' }, { name: 'value', type: 'int64' }], rows: sharedStart };

export const scenarioLibrary: LibraryScenario[] = [
  {
    version: 1, name: 'seed-pinned-merge', title: "The seed: a merge pinned at vB loses to a delete",
    explanation: "B holds batch_001. A job computes the rows of batches 2-3 that B has not seen, reading B at version 0, then merges them pinned to version 0 (t.filename = s.filename, insert when not matched; a streamed merge reads the whole table). Meanwhile a cleanup job deletes batch_001. The merge's commit is checked against every commit after version 0, finds that a file it read was removed, and fails with delta-rs's ConcurrentDeleteRead: its rows were computed from a state that no longer exists.",
    table: { schema: seedSchema, rows: batch(1) },
    writers: [
      { name: 'merge', steps: [{ read: 0 }, { think: 1000 }, { merge: { source: [...batch(2), ...batch(3)], on: 't.filename = s.filename', clauses: ['whenNotMatchedInsertAll'] } }] },
      { name: 'cleanup', steps: [{ read: 'HEAD' }, { delete: "filename = 'batch_001.csv'" }] },
    ],
    expect: { merge: 'ConcurrentDeleteRead', cleanup: 'committed' },
  },
  {
    version: 1, name: 'seed-bound-at-merge-start', title: 'The same merge, bound at merge start, succeeds and misses the delete',
    explanation: "The same race, but the merge takes its snapshot when it starts (HEAD, after the delete), as Spark and a lazy delta-rs frame do. Its scan and its conflict check agree with each other, so it commits: but the rows it inserts were computed from the older read, and nothing checked them against the delete.",
    table: { schema: seedSchema, rows: batch(1) },
    writers: [
      { name: 'merge', steps: [{ think: 1000 }, { read: 'HEAD' }, { merge: { source: [...batch(2), ...batch(3)], on: 't.filename = s.filename', clauses: ['whenNotMatchedInsertAll'] } }] },
      { name: 'cleanup', steps: [{ read: 'HEAD' }, { delete: "filename = 'batch_001.csv'" }] },
    ],
    expect: { merge: 'committed', cleanup: 'committed' },
  },
  {
    version: 1, name: 'blind-appenders', title: 'Eight blind appenders all succeed',
    explanation: 'Blind appends read nothing that another append can change, so when two race for a version the loser checks the winner, finds no conflict, and takes the next version. Every writer commits; the versions are contiguous; the table holds every row.',
    table: { schema: keyed, rows: keyedRows('a', 0, 5) },
    writers: Array.from({ length: 8 }, (_, w) => ({ name: `appender-${w + 1}`, steps: [{ read: 'HEAD' as const }, { append: keyedRows('a', 100 * (w + 1), 5) }] })),
    expectCounts: { committed: 8 },
  },
  {
    version: 1, name: 'delete-vs-delete', title: 'Two deletes of the same rows: one wins',
    explanation: 'Both read the file holding the rows and both remove it. The later commit finds that the winner removed a file it read: ConcurrentDeleteRead (delta-rs checks deletes against reads before deletes against deletes). Retrying would find nothing left to delete.',
    table: { schema: keyed, rows: keyedRows('a', 0, 10) },
    writers: [
      { name: 'delete-1', steps: [{ read: 'HEAD' }, { delete: 'id < 5' }] },
      { name: 'delete-2', steps: [{ read: 'HEAD' }, { delete: 'id < 5' }] },
    ],
    expectCounts: { committed: 1, ConcurrentDeleteRead: 1 },
  },
  {
    version: 1, name: 'disjoint-partitions', title: 'Deletes in different partitions do not conflict',
    explanation: "Each delete's predicate names its own partition, so its read set is that partition's files. The other's removes fall outside it: both commit, under Serializable too.",
    table: { schema: keyed, partitionColumns: ['p'], rows: [...keyedRows('a', 0, 5), ...keyedRows('b', 10, 5)] },
    writers: [
      { name: 'clean-a', steps: [{ read: 'HEAD' }, { delete: "p = 'a'" }] },
      { name: 'clean-b', steps: [{ read: 'HEAD' }, { delete: "p = 'b'" }] },
    ],
    expectCounts: { committed: 2 },
  },
  {
    version: 1, name: 'disjoint-merges-serializable', title: 'Upserts into different partitions, under Serializable',
    explanation: "Two merges upsert into different partitions, each with an early filter (not streamed): p IN ('a') and p IN ('b'). Each reads only its partition's files, and each winner's removes and adds fall outside the other's read set, so both commit under Serializable too. A streamed merge (the Python default) would read the whole table and lose instead.",
    table: { schema: keyed, partitionColumns: ['p'], rows: [...keyedRows('a', 0, 5), ...keyedRows('b', 10, 5)], properties: { 'delta.isolationLevel': 'Serializable' } },
    writers: [
      { name: 'upsert-a', steps: [{ read: 'HEAD' }, { merge: { source: [{ id: 1, p: 'a', value: 9 }, { id: 50, p: 'a', value: 9 }], on: 't.id = s.id AND t.p = s.p', clauses: ['whenMatchedUpdateAll', 'whenNotMatchedInsertAll'], streamedExec: false } }] },
      { name: 'upsert-b', steps: [{ read: 'HEAD' }, { merge: { source: [{ id: 11, p: 'b', value: 9 }, { id: 60, p: 'b', value: 9 }], on: 't.id = s.id AND t.p = s.p', clauses: ['whenMatchedUpdateAll', 'whenNotMatchedInsertAll'], streamedExec: false } }] },
    ],
    expectCounts: { committed: 2 },
  },
  {
    version: 1, name: 'disjoint-merges-writeserializable', title: 'Upserts into different partitions, under WriteSerializable',
    explanation: "Two merges upsert into different partitions, each with an early filter (not streamed): p IN ('a') and p IN ('b'). Each reads only its partition's files, and each winner's removes and adds fall outside the other's read set, so both commit under WriteSerializable too. A streamed merge (the Python default) would read the whole table and lose instead.",
    table: { schema: keyed, partitionColumns: ['p'], rows: [...keyedRows('a', 0, 5), ...keyedRows('b', 10, 5)], properties: { 'delta.isolationLevel': 'WriteSerializable' } },
    writers: [
      { name: 'upsert-a', steps: [{ read: 'HEAD' }, { merge: { source: [{ id: 1, p: 'a', value: 9 }, { id: 50, p: 'a', value: 9 }], on: 't.id = s.id AND t.p = s.p', clauses: ['whenMatchedUpdateAll', 'whenNotMatchedInsertAll'], streamedExec: false } }] },
      { name: 'upsert-b', steps: [{ read: 'HEAD' }, { merge: { source: [{ id: 11, p: 'b', value: 9 }, { id: 60, p: 'b', value: 9 }], on: 't.id = s.id AND t.p = s.p', clauses: ['whenMatchedUpdateAll', 'whenNotMatchedInsertAll'], streamedExec: false } }] },
    ],
    expectCounts: { committed: 2 },
  },
  {
    version: 1, name: 'compaction-vs-writers', title: 'A compaction does not fail the writers it races',
    explanation: 'OPTIMIZE rewrites the small files into one, marking its removes and adds dataChange=false: the data is the same. An ingest merge (streamed, so it reads the whole table) races it. delta-rs counts neither the compaction\'s removes nor its adds against that read, so the merge commits; Spark Delta\'s rules count any remove against a whole-table read and fail it.',
    table: { schema: keyed, rows: keyedRows('a', 0, 3) },
    writers: [
      { name: 'seed-1', steps: [{ read: 'HEAD' }, { append: keyedRows('a', 100, 2) }] },
      { name: 'compactor', steps: [{ think: 400 }, { read: 'HEAD' }, { optimize: true }] },
      { name: 'ingest', steps: [{ think: 400 }, { read: 'HEAD' }, { think: 300 }, { merge: { source: keyedRows('a', 200, 2), on: 't.id = s.id', clauses: ['whenNotMatchedInsertAll'] } }] },
    ],
    expectCounts: { committed: 3 },
  },
  {
    version: 1, name: 'metadata-change', title: 'A metadata change fails everyone racing it',
    explanation: 'An admin sets a table property while two jobs update rows. Any commit racing a metadata change fails with MetadataChanged, whatever it touched: its files were written for the old metadata.',
    table: { schema: keyed, rows: keyedRows('a', 0, 10) },
    writers: [
      { name: 'admin', steps: [{ think: 300 }, { read: 'HEAD' }, { setProperties: { 'delta.appendOnly': 'false' } }] },
      { name: 'job-1', steps: [{ read: 'HEAD' }, { think: 800 }, { update: { set: { value: '1' }, where: 'id = 1' } }] },
      { name: 'job-2', steps: [{ read: 'HEAD' }, { think: 800 }, { update: { set: { value: '2' }, where: 'id = 2' } }] },
    ],
    expect: { admin: 'committed', 'job-1': 'MetadataChanged', 'job-2': 'MetadataChanged' },
  },
  {
    version: 1, name: 'app-transaction-ids', title: 'Idempotent writes: the same application transaction twice',
    explanation: 'A streaming job writes each micro-batch with a txn action (appId, version), and skips a batch the table already records. Run twice at once (a retry after a timeout, say), both read before either commits, so neither skips; the second commit finds the winner carries the same appId and fails with ConcurrentTransaction: the batch is written once.',
    table: { schema: keyed, rows: [] },
    writers: [
      { name: 'stream', steps: [{ read: 'HEAD' }, { think: 300 }, { append: keyedRows('a', 0, 5), txn: { appId: 'orders-stream', version: 7 } }] },
      { name: 'stream-retry', steps: [{ read: 'HEAD' }, { think: 300 }, { append: keyedRows('a', 0, 5), txn: { appId: 'orders-stream', version: 7 } }] },
    ],
    expectCounts: { committed: 1, ConcurrentTransaction: 1 },
  },
  {
    version: 1, name: 'retry-storm', title: 'Six updaters of one file: who wins, who recomputes',
    explanation: 'Six jobs update different rows of the same file. Each UPDATE rewrites the file: the winner removes the file the others read and adds a new one holding their rows. delta-rs checks added files first, so the others fail with ConcurrentAppend (the new file matches their predicate; without that check it would be ConcurrentDeleteRead). Jobs that recompute (read HEAD again, redo the update) get through one by one; the wasted work grows with the number of writers.',
    table: { schema: keyed, rows: keyedRows('a', 0, 10) },
    writers: Array.from({ length: 6 }, (_, w) => ({
      name: `updater-${w + 1}`, onConflict: 'recompute' as const, recomputeLimit: 10,
      steps: [{ read: 'HEAD' as const }, { update: { set: { value: String(w + 1) }, where: `id = ${w}` } }],
    })),
    expectCounts: { committed: 6 },
  },
  {
    version: 1, name: 'spark-table-file-stats', title: 'On a table Spark wrote, file statistics keep two updates apart',
    explanation: "The race starts from the sample basic_append, a real table PySpark wrote in two appends: one file holds number 1 to 3, the other 4 to 5, and the log records each file's min and max. Two jobs update different rows: number = 2 reads only the first file, number = 5 only the second (the statistics prune the rest). Each rewrites its own file, so whichever loses the race for version 2 finds that the winner removed and added files outside what it read, and both commit (on a table written as one file, as in the retry storm, the same updates conflict). A cleanup job that read version 1 earlier deletes number 3 to 4: its predicate spans both files, the file the first update added matches it, and it fails with ConcurrentAppend.",
    table: { fixture: 'basic_append' },
    writers: [
      { name: 'fix-low', steps: [{ read: 'HEAD' }, { update: { set: { a_float: '0' }, where: 'number = 2' } }] },
      { name: 'fix-high', steps: [{ read: 'HEAD' }, { update: { set: { a_float: '0' }, where: 'number = 5' } }] },
      { name: 'trim', steps: [{ read: 1 }, { think: 1000 }, { delete: 'number >= 3 AND number <= 4' }] },
    ],
    expect: { 'fix-low': 'committed', 'fix-high': 'committed', trim: 'ConcurrentAppend' },
  },
  {
    version: 1, name: 'flaky-store', title: 'A flaky store and a writer that dies: the log stays whole',
    explanation: 'One store call in ten fails and more stall; one writer dies after writing its data files but before committing. Writers that meet a failed call stop with a Network error, the dead one leaves orphan files that no version names, and the others commit: versions stay contiguous and every acknowledged commit is in the log. Failures cost work, never correctness.',
    table: { schema: keyed, rows: keyedRows('a', 0, 5) },
    faults: { fail: 0.1, delay: 0.2, maxDelayMs: 200 },
    writers: [
      ...Array.from({ length: 5 }, (_, w) => ({ name: `appender-${w + 1}`, steps: [{ read: 'HEAD' as const }, { append: keyedRows('a', 100 * (w + 1), 3) }] })),
      { name: 'doomed', crashAtStep: 1, steps: [{ read: 'HEAD' as const }, { append: keyedRows('a', 999, 3) }] },
    ],
  },
  {
    version: 1, name: 'lease-single-writer', title: 'DuckLake on object storage: the lease makes one writer at a time',
    explanation: 'Each run takes an infinite lease on metadata.db, stamps acquired_at, downloads the catalog, works, uploads under the lease and releases it. A second run that starts while the lease is held fails at once: it cannot even read a stale copy. A later run finds the lease free and goes ahead.',
    table: leaseTable, catalog: leaseCatalog,
    writers: [
      { name: 'run-1', steps: [], lease: { mode: 'infinite-stamped', work: minutes(1), ...loads('run-1', 'batch_001') } },
      { name: 'run-2', steps: [], lease: { mode: 'infinite-stamped', startAfter: 10_000, work: minutes(1), ...loads('run-2', 'batch_002') } },
      { name: 'run-3', steps: [], lease: { mode: 'infinite-stamped', startAfter: minutes(5), work: minutes(1), ...loads('run-3', 'batch_003') } },
    ],
    expect: { 'run-1': 'committed', 'run-2': 'lease held', 'run-3': 'committed' },
  },
  {
    version: 1, name: 'lease-crash-recovery', title: 'A run that crashes holding an infinite lease heals after the staleness window',
    explanation: 'run-1 dies holding its infinite lease (an infinite lease never expires). An hour later run-2 reads the acquired_at stamp: one hour old, younger than the 12-hour window, so it stops. Thirteen hours later run-3 finds the stamp stale, breaks the lease, takes it and commits: the pipeline heals itself.',
    table: leaseTable, catalog: leaseCatalog,
    writers: [
      { name: 'run-1', steps: [], lease: { mode: 'infinite-stamped', work: minutes(1), crash: true, ...loads('run-1', 'batch_001') } },
      { name: 'run-2', steps: [], lease: { mode: 'infinite-stamped', startAfter: hours(1), work: minutes(1), ...loads('run-2', 'batch_002') } },
      { name: 'run-3', steps: [], lease: { mode: 'infinite-stamped', startAfter: hours(13), work: minutes(1), ...loads('run-3', 'batch_003') } },
    ],
    expect: { 'run-1': 'crashed', 'run-2': 'lease held', 'run-3': 'committed' },
  },
  {
    version: 1, name: 'lease-fixed-heartbeat', title: 'A 15-second lease with heartbeats: a crash frees it quickly',
    explanation: 'The alternative: a fixed 15 s lease renewed every 7.5 s while the run works. When run-1 crashes its heartbeats stop and the lease expires within 15 s, so run-2 gets in without any staleness window; the price is a heartbeat that must keep beating (awkward in a notebook).',
    table: leaseTable, catalog: leaseCatalog,
    writers: [
      { name: 'run-1', steps: [], lease: { mode: 'fixed-heartbeat', leaseSeconds: 15, work: minutes(1), crash: true, ...loads('run-1', 'batch_001') } },
      { name: 'run-2', steps: [], lease: { mode: 'fixed-heartbeat', leaseSeconds: 15, startAfter: 40_000, work: 20_000, ...loads('run-2', 'batch_002') } },
    ],
    expect: { 'run-1': 'crashed', 'run-2': 'committed' },
  },
  {
    version: 1, name: 'lease-ignored', title: 'Two runs that ignore the lease: a lost update',
    explanation: 'Without the lease both runs download the same catalog, both work, both upload: the second upload silently replaces the first, and the first run\'s changes are gone although the store acknowledged its upload. Both runs are told they committed; the invariant that every acknowledged catalog update is in the final catalog finds run-a\'s missing: a lost update, the corruption the lease prevents.',
    table: leaseTable, catalog: leaseCatalog,
    writers: [
      { name: 'run-a', steps: [], lease: { mode: 'ignore', work: minutes(1), ...loads('run-a', 'batch_001') } },
      { name: 'run-b', steps: [], lease: { mode: 'ignore', startAfter: 1000, work: minutes(1), ...loads('run-b', 'batch_002') } },
    ],
    expect: { 'run-a': 'committed', 'run-b': 'committed' },
    expectViolations: [{ invariant: 'no-lost-update', writer: 'run-a' }],
  },
  {
    version: 1, name: 'ducklake-database-writers', title: 'The same appenders and cleanup on Delta and on a DuckLake catalog database',
    explanation: "Three appenders and a cleanup that works for a second before it deletes id < 3, twice: on the Delta table (append-1..3, cleanup) and on a DuckLake catalog database (dl-append-1..3, dl-cleanup), whose real commits race for the next snapshot id (ducklake_snapshot's primary key). Appenders that lose the id wait DuckLake's backoff (100 ms, then 1.5 times longer), read the snapshots committed meanwhile, find only inserts, and commit on the latest snapshot. Under delta-rs's rules the Delta cleanup commits: the appended files' statistics show no row it deletes (Spark's rules, which judge added files by partition only, fail it on this unpartitioned table). The DuckLake cleanup fails: DuckLake judges per table, and a delete conflicts with any concurrent insert into the same table. Compare the rule sets to see delta-rs's, Spark's and DuckLake's table-level rules on the Delta commits beside DuckLake's own on its real snapshots.",
    table: { schema: keyed, rows: sharedStart }, catalog: databaseCatalog,
    writers: [
      ...[1, 2, 3].map((n) => ({ name: `append-${n}`, steps: [{ read: 'HEAD' as const }, { think: 200 }, { append: appendRow(n) }] })),
      { name: 'cleanup', steps: [{ read: 'HEAD' }, { think: 1000 }, { delete: 'id < 3' }] },
      ...[1, 2, 3].map((n) => ({ name: `dl-append-${n}`, steps: [], ducklake: { steps: [{ insert: appendRow(n), work: 200 }] } })),
      { name: 'dl-cleanup', steps: [], ducklake: { steps: [{ delete: 'id < 3', work: 1000 }] } },
    ],
    expect: { 'append-1': 'committed', 'append-2': 'committed', 'append-3': 'committed', cleanup: 'committed', 'dl-append-1': 'committed', 'dl-append-2': 'committed', 'dl-append-3': 'committed', 'dl-cleanup': 'ConcurrentAppend' },
  },
];
