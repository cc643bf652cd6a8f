/**
 * The explorer's actions against a real table session (the worker's code, called directly):
 * what the store holds after each user step.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TableSession } from '../../workers/tableSession.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { explorerOver, ready } from '../../../test/support/explorerHarness.ts';
import { fixtureTable } from '../../../test/support/fixtures.ts';
import { canonicalRows } from '../../../test/canonicalRows.ts';
import { readFileSync } from 'node:fs';
import { readParquetRows } from '../../../test/support/nativeRows.ts';
import { serveFolder } from '../../../test/support/staticServer.ts';
import { HttpStore } from '../../storage/httpStore.ts';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'delta');

const table = { label: 'simple_table', link: { sample: 'simple_table' }, spec: { kind: 'sample' as const, url: 'unused' }, target: { format: 'delta' as const, root: '' } };
const expected = (name: string, v: number) => readFileSync(join(fixtures, 'delta-rs-expected', name, `v${v}`, 'rows.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('explorer actions', () => {
  it('opens a table at its latest version with its history, and time-travels', async () => {
    const { actions, get } = explorerOver(new NodeFsStore(join(fixtures, 'delta-rs', 'simple_table')));
    await actions.openTable(table);
    await new Promise((r) => setTimeout(r, 200));
    expect(ready(get().latestVersion)).toBe(4);
    expect(get().selectedVersion).toBe(4);
    expect(ready(get().history).map((h) => h.version)).toEqual([4, 3, 2, 1, 0]);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalRows(expected('simple_table', 4)));
    await actions.selectVersion(2);
    expect(canonicalRows(ready(get().rows).rows)).toEqual(canonicalRows(expected('simple_table', 2)));
    await actions.loadFiles(2);
    expect(ready(get().files).version).toBe(2);
    await actions.compareVersions(3, 4);
    expect(ready(get().diff)).toMatchObject({ fromVersion: 3, toVersion: 4 });
    await actions.loadDiffRows(3, 4);
    expect(ready(get().diffRows).removedCount).toBe(2);
  });

  it('puts an unsupported table\'s error in the panels, with its code', async () => {
    const { actions, get } = explorerOver(new NodeFsStore(join(fixtures, 'delta-rs', 'simple_table_features')));
    await actions.openTable(table);
    expect(get().latestVersion).toMatchObject({ status: 'error', code: 'Unsupported', message: expect.stringContaining('"blahabl"') });
  });

  it('previews and commits a write, then shows the new version; a lost race is kept as a conflict', async () => {
    const memory = new MemoryStore();
    for (const [key, entry] of await fixtureTable('delta-rs/simple_table')) memory.putWithTime(key, entry.data, entry.lastModified);
    const { actions, get } = explorerOver(memory);
    await actions.openTable(table);
    await actions.previewWrite({ operation: 'delete', readVersion: 'HEAD', predicate: 'id = 5' });
    expect(ready(get().write)).toMatchObject({ status: 'planned', readVersion: 4, metrics: { num_deleted_rows: 1 } });
    await actions.commitWrite();
    expect(ready(get().write)).toMatchObject({ status: 'committed', version: 5 });
    expect(get().selectedVersion).toBe(5);
    await actions.previewWrite({ operation: 'delete', readVersion: 3, predicate: 'id = 7' });
    await actions.commitWrite();
    // Spark's DELETE at version 4 added files without stats: the predicate cannot rule them out.
    expect(ready(get().write)).toMatchObject({ status: 'conflict', conflict: { kind: 'ConcurrentAppend', winningVersion: 4, winningOperation: 'DELETE' } });
    await actions.recomputeAndRetry();
    expect(ready(get().write)).toMatchObject({ status: 'committed', version: 6 });
  });
});

describe('whether the open table can be written', () => {
  it('says a table read over HTTP is read-only as soon as it opens, before any write is planned', async () => {
    const served = await serveFolder(join(import.meta.dirname, '..', '..', '..', 'public', 'samples'));
    try {
      const { actions, get } = explorerOver(new HttpStore(`${served.url}simple_table/`));
      await actions.openTable({ ...table, link: { url: `${served.url}simple_table` }, spec: { kind: 'http', url: `${served.url}simple_table/` } });
      expect(get().readOnly).toBe(`HTTP ${served.url}simple_table/ is read-only: Lakelab cannot write to it.`);
      expect(get().write).toEqual({ status: 'idle' });
    } finally {
      served.server.close();
    }
  });

  it('has nothing to say for a sample copied into memory', async () => {
    const memory = new MemoryStore();
    for (const [key, entry] of await fixtureTable('delta-rs/simple_table')) memory.putWithTime(key, entry.data, entry.lastModified);
    const { actions, get } = explorerOver(memory);
    await actions.openTable(table);
    expect(get().readOnly).toBeUndefined();
  });
});

describe('the diff across a schema change', () => {
  it('keeps the columns of the version each row comes from', async () => {
    const dir = join(fixtures, 'dat', 'with_schema_change', 'delta');
    const { actions, get } = explorerOver(new NodeFsStore(dir));
    await actions.openTable({ ...table, label: 'with_schema_change' });
    await actions.loadDiffRows(0, 1);
    const diff = ready(get().diffRows);
    // Version 0's rows, as native DuckDB reads the one file version 0 has; version 1's, as DAT expects them.
    const v0 = await readParquetRows([join(dir, 'part-00000-da8d71b0-fc91-4c8a-ba1c-28afbef84827-c000.snappy.parquet')]);
    const v1 = await readParquetRows([join(fixtures, 'dat', 'with_schema_change', 'expected', 'v1', 'table_content.parquet')]);
    expect(diff.removedColumns).toEqual(['letter', 'number']);
    expect(diff.addedColumns).toEqual(['num1', 'num2']);
    expect(canonicalRows(diff.removed)).toEqual(canonicalRows(v0));
    expect(canonicalRows(diff.added)).toEqual(canonicalRows(v1));
  });
});

describe('overlapping opens', () => {
  it('keeps the table opened last, even when an earlier open finishes after it', async () => {
    const slow = new NodeFsStore(join(fixtures, 'delta-rs', 'simple_table'));
    const fast = new NodeFsStore(join(fixtures, 'delta-rs', 'table-with-dv-small'));
    const session = new TableSession({
      openStore: async (source) => {
        if (source.kind === 'sample') {
          await new Promise((r) => setTimeout(r, 50));
          return slow;
        }
        return fast;
      },
      codec: parquetCodec,
    });
    const first = session.open({ kind: 'sample', url: 'slow' }, '');
    const second = await session.open({ kind: 'http', url: 'fast' }, '');
    await expect(first).rejects.toMatchObject({ code: 'Aborted' });
    expect(second.latestVersion).toBe(1);
    expect((await session.rows({ version: 1, limit: 100 })).rows).toHaveLength(8);
  });
});
