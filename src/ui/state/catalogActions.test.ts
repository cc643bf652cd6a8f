/**
 * The explorer's actions over DuckLake catalogs (the built-in samples, read by the worker's code
 * in Node): what the store holds after each step, with rows, row changes and snapshots compared
 * with what DuckDB's ducklake extension answered (test/fixtures/ducklake), never Lakelab's own.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { listAll } from '../../core/objectStore.ts';
import { explorerOver, ready } from '../../../test/support/explorerHarness.ts';
import { loadNodeSql } from '../../../test/support/nodeSql.ts';
import { canonicalExpected, canonicalRows, ducklakeFixtures, readJson } from '../../../test/support/ducklakeCases.ts';
import type { SampleEntry } from './explorerStore.ts';
import { sampleTable } from './tableSources.ts';

const samplesDir = join(import.meta.dirname, '..', '..', '..', 'public', 'samples');
const basic: SampleEntry = { name: 'ducklake_basic', path: 'ducklake_basic', description: '', format: 'ducklake', catalog: 'catalog.ducklake' };
const seed: SampleEntry = { name: 'ducklake_seed', path: 'ducklake_seed', description: '', format: 'ducklake', catalog: 'Files/metadata.db', dataPath: 'Tables/' };
const basicRows = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'expected', table, `s${snapshot}`, 'rows.json'));
const seedRows = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'seed', 'reference', 'rows', table, `s${snapshot}.json`));
const basicChanges = (table: string, snapshot: number) => readJson<Record<string, unknown>[]>(join(ducklakeFixtures, 'cases', 'basic', 'reference', 'changes', table, `s${snapshot}.json`));

function explorerOf(sample: SampleEntry, options: Parameters<typeof explorerOver>[1] = {}) {
  return explorerOver(new NodeFsStore(join(samplesDir, sample.path)), { samples: [basic, seed], ...options });
}

describe('a DuckLake catalog in the explorer', () => {
  it('opens at its latest snapshot on its first table, with every snapshot, the catalog\'s objects and the rows the extension reads', async () => {
    const { actions, get } = explorerOf(basic);
    await actions.openTable(sampleTable(basic));
    expect(ready(get().latestVersion)).toBe(15);
    expect(get().terms.version).toBe('snapshot');
    expect(get().table?.target).toMatchObject({ format: 'ducklake', table: 'main.events' });
    expect(get().table?.link).toEqual({ sample: 'ducklake_basic', table: 'main.events' });
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(basicRows('main.events', 15)));
    const objects = ready(get().catalog!.objects)!;
    expect(objects.tables.map((t) => t.name)).toEqual(['main.events', 'main.people']);
    expect(objects.elsewhere).toEqual([{ name: 'main.scratch', from: 14, until: 15 }]);
    await expect.poll(() => get().history.status === 'ready' && ready(get().history).some((v) => v.growth)).toBe(true);
    const snapshots = readJson<{ snapshot_id: number }[]>(join(ducklakeFixtures, 'lakelab-generated', 'basic', 'expected', 'snapshots.json'));
    expect(ready(get().history).map((v) => v.version)).toEqual(snapshots.map((s) => s.snapshot_id).reverse());
  });

  it('reads another table at an old snapshot, diffs its schema across the rename, and finds its row changes as table_changes does', async () => {
    const { actions, get } = explorerOf(basic);
    await actions.openTable(sampleTable(basic));
    await actions.openCatalogTable('main.people');
    expect(get().selectedVersion).toBe(15);
    expect(get().table?.link.table).toBe('main.people');
    await actions.selectVersion(6);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(basicRows('main.people', 6)));
    expect(ready(get().snapshot).schema.columns.map((c) => [c.name, c.fieldId])).toEqual([['id', 1], ['name', 2], ['city', 3], ['age', 4]]);
    await actions.compareSchemaWith(8);
    expect(ready(get().schemaCompare)).toEqual({ from: 6, to: 8, changes: [{ kind: 'renamed', from: 'city', to: 'town' }] });
    await actions.loadDiffRows(5, 6);
    const diff = ready(get().diffRows);
    const theirs = basicChanges('main.people', 6).map(({ snapshot_id: _s, ...change }) => change);
    expect(canonicalRows([...diff.removed, ...diff.added])).toEqual(canonicalExpected(theirs));
    expect(diff.removedCount + diff.addedCount).toBe(theirs.length);
  });

  it('opens a dropped table at the last snapshot it existed at', async () => {
    const { actions, get } = explorerOf(basic);
    await actions.openTable(sampleTable(basic));
    await actions.openCatalogTable('main.scratch');
    expect(get().selectedVersion).toBe(14);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(basicRows('main.scratch', 14)));
  });

  it('follows a link to a table at a snapshot, and says once, in the catalog\'s words, that a snapshot does not exist', async () => {
    const { actions, get } = explorerOf(basic);
    await actions.openLink({ sample: 'ducklake_basic', table: 'main.people', version: 3 });
    expect(get().selectedVersion).toBe(3);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(basicRows('main.people', 3)));
    await actions.openLink({ sample: 'ducklake_basic', table: 'main.people', version: 99 });
    expect(get().notice).toEqual({ level: 'warning', message: "The link's snapshot 99 does not exist: the catalog has snapshots 0 to 15. Showing snapshot 15, the latest." });
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(basicRows('main.people', 15)));
  });

  it('shows a catalog whose data path names OneLake, asks for a data path for its rows, and reads them under the one given (kept in the link)', async () => {
    const { actions, get } = explorerOf(seed);
    await actions.openTable(sampleTable({ ...seed, dataPath: undefined }));
    expect(get().table?.target).toMatchObject({ table: 'main.customers' });
    expect(get().catalog?.dataPath).toEqual({ written: 'abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/' });
    expect(get().rows).toMatchObject({ status: 'error', code: 'InvalidInput', message: expect.stringContaining('its data path is abfss://lakelab@onelake.dfs.fabric.microsoft.com/seed.Lakehouse/Tables/, not in') });
    expect(ready(get().snapshot).schema.columns.map((c) => c.name)).toEqual(['customer', 'name']);
    await actions.setDataPath('Tables/');
    expect(get().table?.link).toEqual({ sample: 'ducklake_seed', table: 'main.customers', data: 'Tables/' });
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(seedRows('main.customers', 6)));
    await actions.openCatalogTable('staging.orders');
    await actions.selectVersion(4);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalExpected(seedRows('staging.orders', 4)));
  });

  it('runs SQL over the table at a snapshot, refusing statements that would change it, in the catalog\'s words', async () => {
    const { actions, get } = explorerOf(basic, { sql: loadNodeSql });
    await actions.openLink({ sample: 'ducklake_basic', table: 'main.people', version: 6 });
    await actions.runSql('SELECT count(*) AS n FROM people');
    expect(ready(get().sql)).toMatchObject({ version: 6, rows: [{ n: basicRows('main.people', 6).length }] });
    await actions.runSql('DROP TABLE people');
    expect(get().sql).toMatchObject({ status: 'error', message: expect.stringContaining('could change people, which is the table at snapshot 6') });
    expect(get().sql).toMatchObject({ message: expect.stringContaining('to change the table itself, use Write') });
  });

  it('offers append, delete and update (not Delta\'s merge), and shows a snapshot\'s own catalog rows and files', async () => {
    const { actions, get } = explorerOf(basic);
    await actions.openLink({ sample: 'ducklake_basic', table: 'main.people', version: 7 });
    expect(get().writeOperations).toEqual(['append', 'delete', 'update']);
    expect(get().readOnly).toBeUndefined();
    await actions.previewWrite({ operation: 'merge', readVersion: 'HEAD' });
    expect(get().write).toMatchObject({ status: 'error', code: 'Unsupported' });
    await actions.loadCommitLog(7);
    const rows = ready(get().commitLog).actions;
    expect(rows[0]).toMatchObject({ ducklake_snapshot: { snapshot_id: 7 } });
    // The rename ends the column's row and begins one under its new name, with the same column_id.
    const columns = rows.flatMap((r) => (r.ducklake_column ? [r.ducklake_column as { column_id: number; column_name: string; end_snapshot: number | null }] : []));
    expect(columns.map((c) => [c.column_id, c.column_name, c.end_snapshot]).sort()).toEqual([[3, 'city', 7], [3, 'town', null]]);
    await actions.selectVersion(2);
    await actions.loadVersionFiles(2);
    expect(ready(get().versionFiles)).toMatchObject({ version: 2, removed: [] });
    expect(ready(get().versionFiles).added).toHaveLength(1);
  });
  it('commits a delete and an update to the sample in the page\'s memory, each a snapshot, and shows the new one', async () => {
    // A copy in memory, as the page holds a sample: the commits must not touch public/samples.
    const copy = new MemoryStore();
    for (const meta of await listAll(new NodeFsStore(join(samplesDir, basic.path)), '')) await copy.put(meta.key, await new NodeFsStore(join(samplesDir, basic.path)).get(meta.key));
    const { actions, get } = explorerOver(copy, { samples: [basic, seed], sql: loadNodeSql });
    await actions.openLink({ sample: 'ducklake_basic', table: 'main.people' });
    const latest = ready(get().latestVersion);
    // The extension's rows at that snapshot (the grid shows a page of them).
    const before = basicRows('main.people', latest);
    const victims = before.filter((r) => Number(r.id) < 120).length;
    expect(victims).toBeGreaterThan(0);
    await actions.previewWrite({ operation: 'delete', readVersion: 'HEAD', predicate: 'id < 120' });
    expect(ready(get().write)).toMatchObject({ status: 'planned', readVersion: latest, metrics: { num_deleted_rows: victims } });
    await actions.commitWrite();
    expect(ready(get().write)).toMatchObject({ status: 'committed', version: latest + 1, metrics: { num_deleted_rows: victims } });
    expect(ready(get().latestVersion)).toBe(latest + 1);
    expect(ready(get().history)[0]).toMatchObject({ version: latest + 1 });
    await actions.runSql('SELECT count(*) AS n, min(id) AS low FROM people');
    expect(ready(get().sql)).toMatchObject({ version: latest + 1, rows: [{ n: before.length - victims, low: Math.min(...before.map((r) => Number(r.id)).filter((id) => id >= 120)) }] });
    await actions.previewWrite({ operation: 'update', readVersion: 'HEAD', predicate: 'id = 201', set: { name: "'renamed'" } });
    await actions.commitWrite();
    expect(ready(get().write)).toMatchObject({ status: 'committed', version: latest + 2, metrics: { num_updated_rows: 1 } });
    await actions.runSql("SELECT id FROM people WHERE name = 'renamed'");
    expect(ready(get().sql)).toMatchObject({ version: latest + 2, rows: [{ id: 201 }] });
  });
});
