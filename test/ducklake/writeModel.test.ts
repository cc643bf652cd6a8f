/**
 * Property: random sequences of inserts (inlined or to a data file), deletes and updates through
 * Lakelab's commit executor give a catalog whose rows at every snapshot equal a simple model's
 * (a list of rows each operation edits), on DuckDB and SQLite catalogs alike. The catalog is
 * read back with Lakelab's reader; the extension's own reading of such writes is held by
 * writtenCatalogs.test.ts. LAKELAB_FUZZ_RUNS / LAKELAB_FUZZ_SEED as for the fuzzers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src/core/rng.ts';
import { MemoryStore } from '../../src/storage/memoryStore.ts';
import { openNodeSqlEngine } from '../../src/query/duckdbNode.ts';
import { OpenDucklake } from '../../src/query/ducklake/ducklakeCatalog.ts';
import { commitDucklake } from '../../src/query/ducklake/write/commitDucklake.ts';
import type { DucklakeOperation } from '../../src/query/ducklake/write/ducklakeOperation.ts';
import { canonicalRows } from '../canonicalRows.ts';
import { emptyCatalog } from '../support/ducklakeWriteCases.ts';
import { fuzzRuns, fuzzSeed } from '../support/fuzz.ts';

type Row = { id: number; grp: number; label: string | null };
type Step =
  | { kind: 'insert'; count: number; grp: number }
  | { kind: 'delete'; where: Where }
  | { kind: 'update'; where: Where; label: string };
type Where = { kind: 'all' } | { kind: 'grp'; grp: number } | { kind: 'idBelow'; id: number };

const where: fc.Arbitrary<Where> = fc.oneof(
  fc.constant({ kind: 'all' as const }),
  fc.integer({ min: 0, max: 3 }).map((grp) => ({ kind: 'grp' as const, grp })),
  fc.integer({ min: 0, max: 60 }).map((id) => ({ kind: 'idBelow' as const, id })),
);
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), count: fc.integer({ min: 1, max: 14 }), grp: fc.integer({ min: 0, max: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), where }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('update' as const), where, label: fc.constantFrom('x', "it's", 'é') }), weight: 1 },
);

const predicateOf = (w: Where) => (w.kind === 'all' ? undefined : w.kind === 'grp' ? `grp = ${w.grp}` : `id < ${w.id}`);
const matches = (w: Where, row: Row) => w.kind === 'all' || (w.kind === 'grp' ? row.grp === w.grp : row.id < w.id);

async function check(format: 'duckdb' | 'sqlite', steps: Step[]): Promise<void> {
  const data = new MemoryStore();
  const rng = seededRng(7);
  let now = Date.UTC(2026, 0, 1);
  let bytes = emptyCatalog(format);
  const commit = async (operation: DucklakeOperation) => {
    const out = await commitDucklake('model', bytes, operation, { data: { store: data }, openEngine: openNodeSqlEngine, now: () => (now += 1000), rng });
    bytes = out.bytes;
    return out.result;
  };
  await commit({ kind: 'createTable', table: 'main.t', columns: [{ name: 'id', type: 'int64' }, { name: 'grp', type: 'int32' }, { name: 'label', type: 'varchar' }] });
  let model: Row[] = [];
  let nextId = 0;
  const expected = new Map<number, Row[]>([[1, []]]);
  for (const s of steps) {
    let result;
    if (s.kind === 'insert') {
      const rows = Array.from({ length: s.count }, () => ({ id: nextId++, grp: s.grp, label: nextId % 3 === 0 ? null : `r${nextId}` }));
      result = await commit({ kind: 'insert', table: 'main.t', rows });
      model = [...model, ...rows];
    } else if (s.kind === 'delete') {
      result = await commit({ kind: 'delete', table: 'main.t', predicate: predicateOf(s.where) });
      model = model.filter((row) => !matches(s.where, row));
    } else {
      result = await commit({ kind: 'update', table: 'main.t', predicate: predicateOf(s.where), set: { label: `'${s.label.replace(/'/g, "''")}'` } });
      model = model.map((row) => (matches(s.where, row) ? { ...row, label: s.label } : row));
    }
    // No matching rows, no snapshot (as the extension does).
    if (result.snapshotId !== null) expected.set(result.snapshotId, model);
  }
  const lake = await OpenDucklake.open('model', bytes, openNodeSqlEngine);
  try {
    expect(lake.catalog.snapshots.map((s) => s.snapshot_id)).toEqual([0, ...expected.keys()]);
    for (const [snapshot, rows] of expected) {
      const read = await lake.rows('main.t', snapshot, { store: data });
      expect(canonicalRows(read.rows), `at snapshot ${snapshot}`).toEqual(canonicalRows(rows));
    }
  } finally {
    await lake.close();
  }
}

describe('DuckLake writes against a model', () => {
  for (const format of ['duckdb', 'sqlite'] as const) {
    it(`${format} catalog: rows at every snapshot equal the model's`, { timeout: 300_000 }, async () => {
      const runs = fuzzRuns(25);
      await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => check(format, steps)), { seed: fuzzSeed, numRuns: runs });
      console.log(`DuckLake write model (${format}): seed ${fuzzSeed}, ${runs} runs`);
    });
  }
});
