/**
 * Writers on a DuckLake catalog database, on real DuckLake commits: racing for snapshot ids,
 * retrying with DuckLake's backoff when the snapshots committed meanwhile do not conflict at
 * table level, failing when they do. The final catalog, read with Lakelab's DuckLake reader,
 * holds exactly the committed writers' rows and snapshots.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { simWaits } from '../workers/simSettle.ts';
import { openNodeSqlEngine } from '../query/duckdbNode.ts';
import { OpenDucklake } from '../query/ducklake/ducklakeCatalog.ts';
import { listAll } from '../core/objectStore.ts';
import { findSnapshotConflict } from '../core/ducklake/snapshotConflicts.ts';
import { runScenario, type SimDependencies, type SimRun } from './runScenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';
import { validateScenario, type Scenario } from './scenario.ts';
import { checkInvariants } from './invariants.ts';
import { summarise } from './figures.ts';
import { catalogDataPrefix, catalogKey } from './simCatalog.ts';
import { retryWait, snapshotPrefix } from './catalogWriter.ts';
import { toRuleComparison } from './ruleComparison.ts';
import { askedAs, decisiveMoments } from './predictions.ts';

const deps: SimDependencies = { makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }), operations: simOperations, ...simWaits };
const scenario = scenarioLibrary.find((s) => s.name === 'ducklake-database-writers')!;
const seeds = [1, 2, 3, 4, 5, 6];

beforeAll(async () => {
  await loadParquetWasm();
});

async function finalCatalog(run: SimRun) {
  const lake = await OpenDucklake.open(catalogKey, await run.store.get(catalogKey), openNodeSqlEngine);
  try {
    const rows = (await lake.rows('main.events', lake.latestSnapshot, { store: run.store, prefix: catalogDataPrefix })).rows;
    const snapshots = lake.catalog.snapshots.map((s) => ({ id: s.snapshot_id, author: lake.catalog.changes.get(s.snapshot_id)?.author ?? null }));
    return { ids: rows.map((r) => Number(r.id)).sort((a, b) => a - b), snapshots };
  } finally {
    await lake.close();
  }
}

const dlEvents = (run: SimRun, writer: string) => run.trace.filter((e) => e.writer === writer);

describe('DuckLake catalog database writers', () => {
  it('race for snapshot ids: appenders retry with the backoff and commit, the cleanup fails on the table-level rule; the final catalog holds exactly what committed', async () => {
    for (const seed of seeds) {
      const run = await runScenario(scenario, seed, deps);
      const at = `seed ${seed}: lakelab sim ducklake-database-writers --seed ${seed}`;
      expect(run.outcomes, at).toEqual(scenario.expect);
      expect(await checkInvariants(run), at).toEqual([]);
      const final = await finalCatalog(run);
      // The starting rows, the three appended ones; the cleanup's delete of id < 3 never committed.
      expect(final.ids, at).toEqual([1, 2, 3, 4, 5, 101, 102, 103]);
      // Snapshots 0 (the empty catalog), 1 (create), 2 (starting rows), then one per committed appender, in commit order; no id twice.
      const committed = run.trace.filter((e) => e.kind === 'committed' && e.writer.startsWith('dl-'));
      expect(final.snapshots, at).toEqual([{ id: 0, author: null }, { id: 1, author: 'setup' }, { id: 2, author: 'setup' }, ...committed.map((e) => ({ id: e.version, author: e.writer }))]);
      expect(committed.map((e) => e.version), at).toEqual([3, 4, 5]);
      const claims = (await listAll(run.store, snapshotPrefix)).map((o) => o.key);
      expect(claims, at).toHaveLength(4);
      // Every lost snapshot id went to another writer, and each retry waited DuckLake's backoff first.
      for (const writer of ['dl-append-1', 'dl-append-2', 'dl-append-3', 'dl-cleanup']) {
        const events = dlEvents(run, writer);
        let retry = 0;
        events.forEach((e, i) => {
          if (e.kind !== 'versionTaken') return;
          expect(final.snapshots.find((s) => s.id === e.version)?.author, `${at}: ${writer} lost ${e.version}`).not.toBe(writer);
          retry++;
          const next = events[i + 1];
          if (next) expect(next.t - e.t, `${at}: ${writer}'s retry ${retry}`).toBeGreaterThanOrEqual(retryWait(retry));
        });
      }
      const figures = summarise(run).writers;
      // The cleanup lost snapshot 3 once, read the inserts committed since snapshot 2, and stopped: one conflict, one retry, no commit.
      expect(figures['dl-cleanup'], at).toMatchObject({ commits: 0, conflicts: { ConcurrentAppend: 1 }, retries: 1 });
      const conflict = dlEvents(run, 'dl-cleanup').find((e) => e.kind === 'conflict')!;
      expect(conflict.message, at).toMatch(/^Transaction conflict - attempting to delete from table with index "1" - but another transaction has inserted into it: main\.events, snapshot 3 by dl-append-\d\. DuckLake's table-level rule: a transaction that deletes from a table fails, without a retry, when a concurrent one inserts into it\.$/);
      // Appenders never conflict (inserts into one table do not), each commits once, and retries as many times as it lost an id.
      for (const n of [1, 2, 3]) {
        const mine = figures[`dl-append-${n}`]!;
        expect(mine.commits, at).toBe(1);
        expect(mine.conflicts, at).toEqual({});
        expect(mine.retries, at).toBe(dlEvents(run, `dl-append-${n}`).filter((e) => e.kind === 'attempt').length - 1);
      }
    }
  }, 120_000);

  it('shows delta-rs, Spark and DuckLake-on-Delta beside DuckLake on its real commits', async () => {
    const runs = Object.fromEntries(await Promise.all((['delta-rs', 'spark', 'ducklake'] as const).map(async (rules) => {
      const run = await runScenario(scenario, 2, deps, rules);
      return [rules, { outcomes: run.outcomes, summary: summarise(run) }];
    })));
    const comparison = toRuleComparison(scenario, runs as never);
    if (!comparison.compared) throw new Error(comparison.why);
    expect(comparison.catalogWriters).toEqual(['dl-append-1', 'dl-append-2', 'dl-append-3', 'dl-cleanup']);
    expect(comparison.writers).toEqual(['append-1', 'append-2', 'append-3', 'cleanup']);
    // The Delta cleanup deletes no row the appends wrote: delta-rs judges the appended files by their statistics and lets it commit.
    // Spark judges added files by partition only, so on this unpartitioned table any concurrent append fails it; DuckLake's table-level rules do too, on Delta's commits and on its own.
    expect(comparison.totals['delta-rs'].conflicts).toEqual({});
    expect(comparison.totals.spark.conflicts).toEqual({ ConcurrentAppend: 1 });
    expect(comparison.totals.ducklake.conflicts).toEqual({ ConcurrentAppend: 1 });
    expect(comparison.catalogTotals).toMatchObject({ commits: 3, conflicts: { ConcurrentAppend: 1 } });
  }, 60_000);

  it("keeps the catalog's snapshot ids apart from the Delta table's versions: its events say so, and races are asked per history", async () => {
    const run = await runScenario(scenario, 2, deps);
    for (const e of run.trace) expect(e.catalog === true, `${e.writer} ${e.kind}`).toBe(e.writer.startsWith('dl-'));
    const questions = [...decisiveMoments(run.trace).values()];
    const races = questions.filter((q) => q.kind === 'race');
    expect(races.length).toBeGreaterThan(0);
    for (const q of races) expect(q.choices.every((w) => w.startsWith('dl-')), JSON.stringify(q)).toBe(q.catalog === true);
    const catalogCheck = questions.find((q) => q.kind === 'check' && q.catalog)!;
    expect(askedAs(catalogCheck, run.trace)).toMatch(/^dl-\S+ lost snapshot id \d to dl-append-\d's commit/);
  }, 60_000);

  it('gives up after ducklake_max_retry_count retries', async () => {
    const racing: Scenario = {
      ...scenario, name: 'no-retries', expect: undefined,
      writers: [1, 2, 3].map((n) => ({ name: `dl-${n}`, steps: [], ducklake: { maxRetries: 0, steps: [{ insert: [{ id: 200 + n, p: 'b', value: n }], work: 100 }] } })),
    };
    for (const seed of [1, 2, 3]) {
      const run = await runScenario(racing, seed, deps);
      const lost = Object.entries(run.outcomes).filter(([, o]) => o !== 'committed').map(([w]) => w);
      for (const writer of lost) {
        expect(run.outcomes[writer]).toBe('exhausted');
        expect(dlEvents(run, writer).filter((e) => e.kind === 'versionTaken')).toHaveLength(1);
      }
      const final = await finalCatalog(run);
      expect(final.ids).toEqual([1, 2, 3, 4, 5, ...Object.entries(run.outcomes).filter(([, o]) => o === 'committed').map(([w]) => 200 + Number(w.slice(3))).sort()]);
      expect(await checkInvariants(run)).toEqual([]);
    }
  }, 60_000);

  it('refuses a malformed catalog writer by path', () => {
    const base = JSON.parse(JSON.stringify(scenario)) as Record<string, unknown>;
    const refusals: [unknown, RegExp][] = [
      [{ ...base, writers: [{ name: 'w', steps: [], ducklake: { steps: [{ update: 'x' }] } }] }, /\.writers\[0\]\.ducklake\.steps\[0\]: must be \{"insert": rows\}, \{"delete": predicate\} or \{"think": ms\}/],
      [{ ...base, writers: [{ name: 'w', steps: [], ducklake: { steps: [{ delete: 'id < 3', work: -1 }] } }] }, /\.ducklake\.steps\[0\]\.work: must be milliseconds/],
      [{ ...base, writers: [{ name: 'w', steps: [], ducklake: { steps: [], maxRetries: 1.5 } }] }, /\.ducklake\.maxRetries: must be a whole number/],
      [{ ...base, writers: [{ name: 'w', steps: [{ read: 'HEAD' }], ducklake: { steps: [] } }] }, /\.steps: must be \[\] for a catalog database writer/],
      [{ ...base, catalog: undefined, writers: [{ name: 'w', steps: [], ducklake: { steps: [] } }] }, /\.catalog: lease writers work on a DuckLake catalog \(so do catalog database writers/],
    ];
    for (const [doc, message] of refusals) expect(() => validateScenario(doc), String(message)).toThrow(message);
  });
});

describe("DuckLake's check of the snapshots committed since", () => {
  const table = { id: 1, name: 'main.t' };
  const snap = (snapshotId: number, changesMade: string) => ({ snapshotId, changesMade, author: 'w' });
  it('lets inserts past inserts and other tables, and stops a delete at an insert and an insert at a delete', () => {
    expect(findSnapshotConflict('inserted_into_table', table, [snap(3, 'inserted_into_table:1'), snap(4, 'inlined_insert:1'), snap(5, 'deleted_from_table:2')])).toBeUndefined();
    expect(findSnapshotConflict('deleted_from_table', table, [snap(3, 'inserted_into_table:2'), snap(4, 'inlined_insert:1')])).toMatchObject({ kind: 'ConcurrentAppend', snapshotId: 4 });
    expect(findSnapshotConflict('inserted_into_table', table, [snap(3, 'inlined_delete:1')])).toMatchObject({ kind: 'ConcurrentDeleteRead', snapshotId: 3 });
    expect(findSnapshotConflict('inserted_into_table', table, [snap(3, 'altered_table:1')])).toMatchObject({ kind: 'MetadataChanged' });
    expect(findSnapshotConflict('deleted_from_table', table, [snap(3, 'deleted_from_table:1')])).toMatchObject({ kind: 'ConcurrentDeleteRead' });
  });
});
