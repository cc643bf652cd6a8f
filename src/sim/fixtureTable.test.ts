/**
 * Scenarios that start from a fixture: validation, the copy up to a version, and runs whose
 * starting table reads as the fixture's expected results (produced outside Lakelab) say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../storage/memoryStore.ts';
import { loadParquetWasm } from '../query/parquetWasm.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { simOperations } from '../workers/simOperationsNode.ts';
import { folderFixtures } from '../cli/fixtureFolders.ts';
import { readTableRows } from '../../test/readTableRows.ts';
import { canonicalRows } from '../../test/canonicalRows.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { readParquetJsonRows } from '../../test/support/duckdbJson.ts';
import { runScenario, type SimDependencies } from './runScenario.ts';
import { checkInvariants } from './invariants.ts';
import { planFixtureCopy } from './fixtureTable.ts';
import { validateScenario, type Scenario } from './scenario.ts';
import { scenarioLibrary } from './scenarioLibrary.ts';

const fixtures = folderFixtures();
const deps: SimDependencies = {
  makeStore: (clock) => new MemoryStore({ clock, newLeaseId: () => 'lease' }),
  operations: simOperations,
  settle: () => new Promise((resolve) => setImmediate(resolve)),
  fixtures,
};

const scenarioOn = (table: unknown, writers: unknown[] = [{ name: 'reader', steps: [{ read: 'HEAD' }] }]) =>
  validateScenario({ version: 1, name: 'from-fixture', title: 'x', explanation: 'x', table, writers });

async function expectedDat(table: string, version: string): Promise<Record<string, unknown>[]> {
  return readParquetJsonRows([join(fixturesDir, 'dat', table, 'expected', version, 'table_content.parquet')]);
}

function expectedDeltaRs(table: string, version: number): Record<string, unknown>[] {
  return readFileSync(join(fixturesDir, 'delta-rs-expected', table, `v${version}`, 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  await loadParquetWasm();
});

describe('validating a fixture table', () => {
  it('accepts { fixture } and { fixture, version }', () => {
    expect(scenarioOn({ fixture: 'basic_append' }).table).toEqual({ fixture: 'basic_append' });
    expect(scenarioOn({ fixture: 'basic_append', version: 0 }).table).toEqual({ fixture: 'basic_append', version: 0 });
  });

  it('refuses rows and a fixture together, naming what to remove', () => {
    expect(() => scenarioOn({ fixture: 'basic_append', rows: [] })).toThrow(/scenario \.table: give either a fixture or rows, not both.*remove "rows"/);
    expect(() => scenarioOn({ fixture: 'basic_append', schema: { type: 'struct', fields: [] }, rows: [] })).toThrow(/remove "rows", "schema"/);
  });

  it('refuses a fixture that is not a name, a bad version, and a version without a fixture', () => {
    expect(() => scenarioOn({ fixture: '' })).toThrow(/\.table\.fixture: must name a fixture table/);
    expect(() => scenarioOn({ fixture: 3 })).toThrow(/\.table\.fixture/);
    expect(() => scenarioOn({ fixture: 'basic_append', version: -1 })).toThrow(/\.table\.version: must be a version number/);
    expect(() => scenarioOn({ schema: { type: 'struct', fields: [] }, rows: [], version: 2 })).toThrow(/\.table\.version: starts from a version of a fixture/);
    expect(() => scenarioOn({ schema: { type: 'struct', fields: [] } })).toThrow(/\.table\.rows: must be a list of rows \(or give a "fixture" instead\)/);
  });

  it('refuses an unknown fixture when the run starts, listing the ones there are', async () => {
    const run = runScenario(scenarioOn({ fixture: 'no_such_table' }), 1, deps);
    await expect(run).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/^scenario \.table\.fixture: no fixture "no_such_table"; available: .*basic_append.*seed_merge.*delta-rs\/simple_table/) });
    await expect(runScenario(scenarioOn({ fixture: 'basic_append' }), 1, { ...deps, fixtures: undefined })).rejects.toMatchObject({ code: 'Unsupported' });
  });

  it('refuses a version the fixture does not have, saying which it has', async () => {
    await expect(runScenario(scenarioOn({ fixture: 'basic_append', version: 7 }), 1, deps))
      .rejects.toThrow('scenario .table.version: fixture "basic_append" has no version 7 (its log holds versions 0 to 1)');
  });
});

describe('planning the copy', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const files = new Map([
    ['_delta_log/00000000000000000000.json', bytes('{}')],
    ['_delta_log/00000000000000000001.json', bytes('{}')],
    ['_delta_log/00000000000000000002.json', bytes('{}')],
    ['_delta_log/00000000000000000002.checkpoint.parquet', bytes('')],
    ['_delta_log/00000000000000000003.json', bytes('{}')],
    ['_delta_log/_last_checkpoint', bytes('{"version":2,"size":3}')],
    ['_delta_log/.tmp/00000000000000000004.json', bytes('{}')],
    ['part-1.parquet', bytes('')],
    ['p=a/part-2.parquet', bytes('')],
  ]);

  it('copies the whole log and every data file at the latest version, leaving out what is not the log', () => {
    const copy = planFixtureCopy('t', files);
    expect(copy.version).toBe(3);
    expect(copy.keys).toEqual([...files.keys()].filter((k) => !k.includes('.tmp')).sort());
  });

  it('copies the log only up to the version asked for, and a _last_checkpoint only if it points at or before it', () => {
    expect(planFixtureCopy('t', files, 1)).toEqual({
      version: 1,
      keys: ['_delta_log/00000000000000000000.json', '_delta_log/00000000000000000001.json', 'p=a/part-2.parquet', 'part-1.parquet'],
    });
    expect(planFixtureCopy('t', files, 2).keys).toContain('_delta_log/_last_checkpoint');
  });

  it('refuses a folder without a log', () => {
    expect(() => planFixtureCopy('empty', new Map([['part-1.parquet', bytes('')]]))).toThrow(/"empty" holds no Delta log/);
  });
});

describe('running from a fixture', () => {
  it('starts from the latest version, whose rows are the fixture\'s expected rows', async () => {
    const run = await runScenario(scenarioOn({ fixture: 'dat/basic_append/delta' }), 1, deps);
    expect(run.startVersion).toBe(1);
    expect(run.trace.find((e) => e.kind === 'read')?.version).toBe(1);
    expect(canonicalRows(await readTableRows(run.store, { codec: parquetCodec }))).toEqual(canonicalRows(await expectedDat('basic_append', 'latest')));
    expect(await checkInvariants(run)).toEqual([]);
  });

  it('starts from an earlier version: the later log is not copied, and the writers commit after the start', async () => {
    const run = await runScenario(scenarioOn({ fixture: 'basic_append', version: 0 }, [{ name: 'appender', steps: [{ read: 'HEAD' }, { append: [{ letter: 'z', number: 26, a_float: 26.5 }] }] }]), 1, deps);
    expect(run.startVersion).toBe(0);
    expect(run.outcomes).toEqual({ appender: 'committed' });
    expect(run.committed.map((c) => c.version)).toEqual([1]);
    expect(canonicalRows(await readTableRows(run.store, { codec: parquetCodec, version: 0 }))).toEqual(canonicalRows(await expectedDat('basic_append', 'v0')));
    expect(canonicalRows(await readTableRows(run.store, { codec: parquetCodec }))).toEqual(canonicalRows([...await expectedDat('basic_append', 'v0'), { letter: 'z', number: 26, a_float: 26.5 }]));
    expect(await checkInvariants(run)).toEqual([]);
  });

  it('starts before and at a checkpoint of a table delta-rs and Spark wrote', async () => {
    for (const version of [5, 10]) {
      const run = await runScenario(scenarioOn({ fixture: 'delta-rs/simple_table_with_checkpoint', version }, [{ name: 'appender', steps: [{ read: 'HEAD' }, { append: [{ version: 99 }] }] }]), 2, deps);
      expect(run.trace.find((e) => e.kind === 'read')?.version, `from ${version}`).toBe(version);
      expect(canonicalRows(await readTableRows(run.store, { codec: parquetCodec, version })), `from ${version}`).toEqual(canonicalRows(expectedDeltaRs('simple_table_with_checkpoint', version)));
      expect(run.outcomes, `from ${version}`).toEqual({ appender: 'committed' });
      expect(run.finalVersion).toBe(version + 1);
      expect(await checkInvariants(run)).toEqual([]);
    }
  });

  it('gives the same trace for the same seed, whichever loader instance copies the fixture', async () => {
    const scenario: Scenario = scenarioLibrary.find((s) => s.name === 'spark-table-file-stats')!;
    const a = await runScenario(scenario, 17, deps);
    const b = await runScenario(scenario, 17, { ...deps, fixtures: folderFixtures() });
    expect(b.trace).toEqual(a.trace);
    expect(b.outcomes).toEqual(a.outcomes);
    expect((await runScenario(scenario, 18, deps)).trace).not.toEqual(a.trace);
  });

  it('spark-table-file-stats: the update that lost the race for a version checked the winner and still committed', async () => {
    const scenario = scenarioLibrary.find((s) => s.name === 'spark-table-file-stats')!;
    for (let seed = 1; seed <= 20; seed++) {
      const run = await runScenario(scenario, seed, deps);
      const later = run.committed.find((c) => c.writer !== 'trim' && c.version === 3)!;
      expect(later.transaction.readVersion, `seed ${seed}`).toBe(1);
      expect(run.trace.some((e) => e.writer === later.writer && e.kind === 'checked' && e.winningVersion === 2 && !e.conflictKind), `seed ${seed}`).toBe(true);
    }
  });
});
