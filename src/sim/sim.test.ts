/**
 * The simulator runs the real commit code on virtual time: the same seed gives the same trace,
 * the invariants hold over many seeds, and each built-in scenario ends as its explanation says.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { folderFixtures } from '../cli/fixtureFolders.ts';
import { runScenario, type SimDependencies } from './runScenario.ts';
import { checkCatalogUpdates, checkInvariants } from './invariants.ts';
import { catalogDataPrefix, catalogKey } from './simCatalog.ts';
import { OpenDucklake } from '../query/ducklake/ducklakeCatalog.ts';
import { openNodeSqlEngine } from '../query/duckdbNode.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { validateScenario } from './scenario.ts';
import { summarise } from './figures.ts';

const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
  fixtures: folderFixtures(),
};

const seedsPerScenario = Number(process.env.LAKELAB_SIM_SEEDS ?? 500);

beforeAll(async () => {
  await loadParquetWasm();
});

describe('the simulator', () => {
  it('gives the same trace for the same seed, and another for another seed', async () => {
    const scenario = scenarioLibrary.find((s) => s.name === 'retry-storm')!;
    const a = await runScenario(scenario, 42, deps);
    const b = await runScenario(scenario, 42, deps);
    expect(a.trace).toEqual(b.trace);
    expect(a.outcomes).toEqual(b.outcomes);
    const c = await runScenario(scenario, 43, deps);
    expect(c.trace).not.toEqual(a.trace);
  });

  for (const scenario of scenarioLibrary) {
    // Catalog database writers make several real DuckLake commits per seed (about a third of a second): fewer seeds.
    const seeds = scenario.writers.some((w) => w.ducklake) ? Math.min(seedsPerScenario, 40) : seedsPerScenario;
    it(`${scenario.name}: ends as it explains, its invariants hold or break as it shows, over ${seeds} seeds`, async () => {
      validateScenario(JSON.parse(JSON.stringify(scenario)));
      for (let seed = 1; seed <= seeds; seed++) {
        const run = await runScenario(scenario, seed, deps);
        const problems = await checkInvariants(run);
        const broken = problems.map(({ invariant, writer }) => ({ invariant, writer }));
        expect(broken, `seed ${seed}: lakelab sim ${scenario.name} --seed ${seed}: ${problems.map((p) => p.message).join('; ')}`).toEqual(scenario.expectViolations ?? []);
        if (scenario.expect) expect(run.outcomes, `seed ${seed}`).toEqual(scenario.expect);
        if (scenario.name === 'flaky-store') {
          expect(['crashed', 'error'], `seed ${seed}`).toContain(run.outcomes.doomed);
          expect(Object.values(run.outcomes).every((o) => ['committed', 'error', 'crashed'].includes(o)), `seed ${seed}`).toBe(true);
        }
        if (scenario.expectCounts) {
          const counts: Record<string, number> = {};
          for (const outcome of Object.values(run.outcomes)) counts[outcome] = (counts[outcome] ?? 0) + 1;
          expect(counts, `seed ${seed}`).toEqual(scenario.expectCounts);
        }
      }
    }, 300_000);
  }

  it('summarises a run: commits, conflicts by kind, retries', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'delete-vs-delete')!, 7, deps);
    const summary = summarise(run);
    expect(summary.commits).toBe(1);
    expect(summary.conflicts).toEqual({ ConcurrentDeleteRead: 1 });
    // The loser's DELETE rewrote the file (rows 5 to 9 kept): one data file written and never committed.
    const loser = Object.keys(run.outcomes).find((w) => run.outcomes[w] === 'ConcurrentDeleteRead')!;
    expect(summary.writers[loser]).toMatchObject({ commits: 0, conflicts: { ConcurrentDeleteRead: 1 }, wasted: 1, wastedFiles: 1 });
    expect(summary).toMatchObject({ wasted: 1, wastedFiles: 1 });
  });

  it('refuses a malformed scenario, naming the path', () => {
    expect(() => validateScenario({ version: 2 })).toThrow(/\.version/);
    const base = JSON.parse(JSON.stringify(scenarioLibrary[0]));
    expect(() => validateScenario({ ...base, writers: [{ name: 'x', steps: [{ fly: 1 }] }] })).toThrow(/writers\[0\]\.steps\[0\]/);
    expect(() => validateScenario({ ...base, writers: [{ name: 'x', steps: [{ read: -1 }] }] })).toThrow(/"HEAD" or a version/);
  });

  it('refuses step bodies, writer options and store models it could not run, naming the path', () => {
    const base = JSON.parse(JSON.stringify(scenarioLibrary[0]));
    const withSteps = (...steps: unknown[]) => ({ ...base, writers: [{ name: 'w', steps }] });
    const refusals: [unknown, RegExp][] = [
      [withSteps({ append: 'x' }), /\.writers\[0\]\.steps\[0\]\.append: must be a list of rows/],
      [withSteps({ append: [1] }), /\.append\[0\]: must be a row/],
      [withSteps({ append: [{ id: 1 }], txn: { appId: 'a' } }), /\.txn: must be \{"appId"/],
      [withSteps({ overwrite: [{ id: 1 }], where: 5 }), /\.where: must be a predicate/],
      [withSteps({ delete: '' }), /\.delete: must be a predicate/],
      [withSteps({ update: { set: {} } }), /\.update: must be \{"set"/],
      [withSteps({ merge: { source: {}, on: 't.id = s.id', clauses: ['whenNotMatchedInsertAll'] } }), /\.merge\.source: must be a list of rows/],
      [withSteps({ merge: { source: [], on: '', clauses: ['whenNotMatchedInsertAll'] } }), /\.merge\.on: must be the merge predicate/],
      [withSteps({ merge: { source: [], on: 't.id = s.id', clauses: ['whenMatchedUpdate'] } }), /\.merge\.clauses: must list one or more of whenMatchedUpdateAll/],
      [withSteps({ setProperties: { a: 1 } }), /\.setProperties: must be an object of table properties/],
      [withSteps({ optimize: 'yes' }), /\.optimize: must be true/],
      [withSteps(null), /\.steps\[0\]: must be one of/],
      [{ ...base, writers: [{ name: 'w', steps: [], maxRetries: -1 }] }, /\.writers\[0\]\.maxRetries: must be a whole number/],
      [{ ...base, writers: [{ name: 'w', steps: [], onConflict: 'retry' }] }, /\.onConflict: must be "fail" or "recompute"/],
      [{ ...base, writers: [{ name: 'w', steps: [], lease: { mode: 'fixed-heartbeat', work: 10, leaseSeconds: 90 } }] }, /\.lease\.leaseSeconds: must be 15 to 60/],
      [{ ...base, writers: [{ name: 'w', steps: [{ read: 'HEAD' }], lease: { mode: 'ignore', work: 10 } }] }, /\.steps: must be \[\] for a lease writer/],
      [{ ...base, latency: { get: { min: 5, max: 1 } } }, /\.latency\.get: must be \{"min": ms, "max": ms\} with min <= max/],
      [{ ...base, latency: { fetch: { min: 1, max: 2 } } }, /\.latency\.fetch: is not a store call/],
      [{ ...base, faults: { fail: 2 } }, /\.faults\.fail: must be a share of calls, from 0 to 1/],
    ];
    for (const [doc, message] of refusals) expect(() => validateScenario(doc), String(message)).toThrow(message);
    // A step's companions: txn beside append, where beside overwrite.
    expect(validateScenario(withSteps({ overwrite: [{ id: 1 }], where: 'id = 1' }, { append: [{ id: 2 }], txn: { appId: 'a', version: 1 } })).writers[0]!.steps).toHaveLength(2);
  });
});

describe('lease contention, on a real DuckLake catalog', () => {
  /** The final catalog's rows of main.batches and its snapshots' authors, read by Lakelab's DuckLake reader. */
  async function finalCatalog(store: MemoryStore) {
    const lake = await OpenDucklake.open(catalogKey, await store.get(catalogKey), openNodeSqlEngine);
    try {
      const batch = await lake.rows('main.batches', lake.latestSnapshot, { store, prefix: catalogDataPrefix });
      const authors = [...lake.catalog.changes.values()].map((c) => c.author);
      return { rows: batch.rows.map((r) => r.batch).sort(), authors };
    } finally {
      await lake.close();
    }
  }

  it('each run under the lease commits a snapshot: the final catalog holds every load the store acknowledged', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'lease-single-writer')!, 3, deps);
    expect(run.outcomes).toEqual({ 'run-1': 'committed', 'run-2': 'lease held', 'run-3': 'committed' });
    const final = await finalCatalog(run.store as MemoryStore);
    // The scenario: batch_000 at setup; run-1 loads batch_001, run-2 is refused, run-3 loads batch_003.
    expect(final.rows).toEqual(['batch_000', 'batch_001', 'batch_003']);
    expect(final.authors).toEqual([null, 'setup', 'setup', 'run-1', 'run-3']); // snapshot 0 is the empty catalog's
    expect(await checkInvariants(run)).toEqual([]);
  });

  it('shows the lost update the lease prevents when runs ignore it: a snapshot and its rows missing from the final catalog', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'lease-ignored')!, 3, deps);
    expect(run.outcomes).toEqual({ 'run-a': 'committed', 'run-b': 'committed' });
    const final = await finalCatalog(run.store as MemoryStore);
    expect(final.rows).toEqual(['batch_000', 'batch_002']); // run-a succeeded, yet its batch is gone
    expect(final.authors).not.toContain('run-a');
    const [lost, ...others] = await checkInvariants(run);
    expect(others).toEqual([]);
    expect(lost).toMatchObject({ invariant: 'no-lost-update', writer: 'run-a', t: run.catalogUpdates.find((u) => u.writer === 'run-a')!.t });
    expect(lost!.message).toMatch(/^run-a's catalog update, acknowledged at \d+ ms, is not in the final catalog/);
  });

  it('judges lost updates by what the final catalog holds, not by what the writers were told', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'lease-single-writer')!, 3, deps);
    const acknowledged = ['run-2', 'run-1', 'run-3'].map((writer, i) => ({ writer, update: writer, t: i }));
    expect((await checkCatalogUpdates({ store: run.store, catalogUpdates: acknowledged, catalogReader: run.catalogReader })).map((v) => v.writer)).toEqual(['run-2']);
    expect(await checkCatalogUpdates({ store: run.store, catalogUpdates: acknowledged.slice(1), catalogReader: run.catalogReader })).toEqual([]);
    // Another catalog format plugs in through its reader: here one that holds nothing.
    expect(await checkCatalogUpdates({ store: run.store, catalogUpdates: acknowledged.slice(1) }, { updatesIn: () => new Set() })).toHaveLength(2);
  });

  it('refuses a lease scenario without a catalog, and a catalog column of a type DuckLake lacks, by path', () => {
    const lease = { version: 1, name: 'l', title: 't', explanation: 'e', table: { schema: { type: 'struct', fields: [] }, rows: [] }, writers: [{ name: 'w', steps: [], lease: { mode: 'ignore', work: 1 } }] };
    expect(() => validateScenario(lease)).toThrow(/\.catalog: lease writers work on a DuckLake catalog/);
    expect(() => validateScenario({ ...lease, catalog: { table: 'main.t', columns: [{ name: 'x', type: 'text' }] } })).toThrow(/\.catalog\.columns\[0\]\.type: must be a DuckLake type/);
    expect(() => validateScenario({ ...lease, catalog: { table: 't', columns: [{ name: 'x', type: 'int64' }] } })).toThrow(/\.catalog\.table: must name the table as "schema\.table"/);
  });
});

describe('rule sets side by side', () => {
  it("Spark's rules let a blind append through where delta-rs's fail it", async () => {
    const { validateScenario: validate } = await import('./scenario.ts');
    const scenario = validate({
      version: 1, name: 'append-vs-delete', title: 'An append racing a delete', explanation: 'delta-rs counts every file of the snapshot as read by a blind append; Spark does not.',
      table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 1 }, { id: 2 }] },
      writers: [
        { name: 'appender', steps: [{ read: 'HEAD' }, { think: 500 }, { append: [{ id: 3 }] }] },
        { name: 'deleter', steps: [{ read: 'HEAD' }, { delete: 'id = 1' }] },
      ],
    });
    for (let seed = 1; seed <= 20; seed++) {
      const deltaRs = await runScenario(scenario, seed, deps, 'delta-rs');
      const spark = await runScenario(scenario, seed, deps, 'spark');
      expect(deltaRs.outcomes).toEqual({ deleter: 'committed', appender: 'ConcurrentDeleteRead' });
      expect(spark.outcomes).toEqual({ deleter: 'committed', appender: 'committed' });
      expect(await checkInvariants(spark, 'spark')).toEqual([]);
      const lost = deltaRs.trace.find((e) => e.kind === 'conflict')!;
      expect(lost.advice, `seed ${seed}`).toContain("it would have committed under Spark Delta's rules (at any level)");
      expect(lost.advice, `seed ${seed}`).toContain('Under SnapshotIsolation it fails the same way (ConcurrentDeleteRead');
    }
  });
});

describe('conflict advice in the trace', () => {
  it('a ConcurrentAppend after an UPDATE: WriteSerializable fails it the same way, as running the race under WriteSerializable shows', async () => {
    const scenario = scenarioLibrary.find((s) => s.name === 'retry-storm')!;
    for (let seed = 1; seed <= 10; seed++) {
      const serializable = await runScenario(scenario, seed, deps);
      const conflicts = serializable.trace.filter((e) => e.kind === 'conflict');
      expect(conflicts.length, `seed ${seed}`).toBeGreaterThan(0);
      for (const c of conflicts) {
        expect(c.advice, `seed ${seed}`).toContain(`Under WriteSerializable it fails the same way (ConcurrentAppend against the UPDATE at version ${c.winningVersion})`);
        expect(c.advice).not.toContain('Under WriteSerializable it would have committed');
      }
      const writeSerializable = await runScenario({ ...scenario, isolationLevel: 'WriteSerializable' }, seed, deps);
      expect(writeSerializable.trace.filter((e) => e.kind === 'conflict').map((e) => e.conflictKind), `seed ${seed}`).toEqual(conflicts.map((e) => e.conflictKind));
      // Judged under WriteSerializable this time: the advice names the other two levels.
      expect(writeSerializable.trace.find((e) => e.kind === 'conflict')!.advice).toContain('Under Serializable it fails the same way');
    }
  });

  it('the seed race: nothing would have let the pinned merge through', async () => {
    const run = await runScenario(scenarioLibrary.find((s) => s.name === 'seed-pinned-merge')!, 1, deps);
    const lost = run.trace.find((e) => e.kind === 'conflict')!;
    expect(lost.advice).toMatch(/^Re-checked against version 1 under every isolation level and rule set: nothing would have let it through/);
  });
});

describe('DuckLake rules', () => {
  it('a merge conflicts with any concurrent insert into the table, stricter than Delta', async () => {
    const { validateScenario: validate } = await import('./scenario.ts');
    const scenario = validate({
      version: 1, name: 'merge-vs-insert', title: 'A merge and an insert', explanation: 'Delta lets a merge with an early filter through; DuckLake does not.',
      table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }, { name: 'v', type: 'long', nullable: true, metadata: {} }] }, rows: [{ id: 1, v: 0 }, { id: 2, v: 0 }] },
      writers: [
        { name: 'merge', steps: [{ read: 'HEAD' }, { think: 500 }, { merge: { source: [{ id: 1, v: 9 }], on: 't.id = s.id', clauses: ['whenMatchedUpdateAll'], streamedExec: false } }] },
        { name: 'insert', steps: [{ read: 'HEAD' }, { append: [{ id: 100, v: 1 }] }] },
      ],
    });
    const deltaRs = await runScenario(scenario, 1, deps, 'delta-rs');
    const ducklake = await runScenario(scenario, 1, deps, 'ducklake');
    expect(deltaRs.outcomes).toEqual({ insert: 'committed', merge: 'committed' });
    expect(ducklake.outcomes.insert).toBe('committed');
    expect(ducklake.outcomes.merge).not.toBe('committed');
    const conflict = ducklake.trace.find((e) => e.kind === 'conflict');
    expect(conflict?.message).toContain('Transaction conflict - attempting to delete from table');
  });
});

describe('the writers sweep', () => {
  it('more writers on one file: every writer gets through by recomputing, and conflicts per attempt grow', async () => {
    const { toSweepScenario, toSweepPoint } = await import('./sweep.ts');
    const points = [];
    for (const writers of [1, 2, 4, 8]) {
      const run = await runScenario(toSweepScenario(writers), 3, deps);
      expect(Object.values(run.outcomes).every((o) => o === 'committed')).toBe(true);
      expect(await checkInvariants(run)).toEqual([]);
      points.push(toSweepPoint(writers, summarise(run), run.trace.filter((e) => e.kind === 'attempt').length));
    }
    expect(points[0]!.conflictRate).toBe(0);
    expect(points[3]!.conflictRate).toBeGreaterThan(points[1]!.conflictRate);
  });
});

describe('scale', () => {
  it('runs 64 racing writers, every one committing at contiguous versions', async () => {
    const { validateScenario: validate } = await import('./scenario.ts');
    const scenario = validate({
      version: 1, name: 'sixty-four', title: '64 appenders', explanation: 'The most writers a scenario may have.',
      table: { schema: { type: 'struct', fields: [{ name: 'id', type: 'long', nullable: true, metadata: {} }] }, rows: [] },
      writers: Array.from({ length: 64 }, (_, w) => ({ name: `w${w}`, maxRetries: 100, steps: [{ read: 'HEAD' }, { append: [{ id: w }] }] })),
    });
    const run = await runScenario(scenario, 9, deps);
    expect(Object.values(run.outcomes).filter((o) => o === 'committed')).toHaveLength(64);
    expect(run.finalVersion).toBe(64);
    expect(await checkInvariants(run)).toEqual([]);
    expect(() => validate({ ...scenario, writers: Array.from({ length: 65 }, (_, w) => ({ name: `w${w}`, steps: [] })) })).toThrow(/at most 64 writers/);
  }, 120_000);
});

describe('compaction under both rule sets', () => {
  it('delta-rs lets a whole-table reader through a racing compaction; Spark Delta fails it', async () => {
    const scenario = scenarioLibrary.find((s) => s.name === 'compaction-vs-writers')!;
    for (let seed = 1; seed <= 20; seed++) {
      const deltaRs = await runScenario(scenario, seed, deps, 'delta-rs');
      expect(deltaRs.trace.some((e) => e.kind === 'committed' && e.operation === 'OPTIMIZE'), `seed ${seed}`).toBe(true);
      expect(deltaRs.trace.some((e) => e.writer === 'ingest' && e.kind === 'checked'), `seed ${seed}: the ingest raced the compaction`).toBe(true);
      expect(deltaRs.outcomes.ingest, `seed ${seed}`).toBe('committed');
      const spark = await runScenario(scenario, seed, deps, 'spark');
      expect(['ConcurrentAppend', 'ConcurrentDeleteRead'], `seed ${seed}`).toContain(spark.outcomes.ingest);
    }
  });
});
