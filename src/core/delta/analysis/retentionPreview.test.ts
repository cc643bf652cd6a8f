/**
 * The retention preview against what a VACUUM by delta-rs's rules removes, file by file: the
 * preview's files are deleted from a copy of a delta-rs fixture, then every version is read.
 * The versions the preview says are lost fail to read, every other one reads the rows the
 * fixture's expected folder holds (produced independently of Lakelab). delta-rs's own test
 * (vacuum.rs `test_vacuum_keep_version_sanity_check`) says full mode at retention 0 removes 32
 * of simple_table's files; the lite set is checked against the fixture's remove actions read as
 * plain JSON here.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../../query/parquetRows.ts';
import { SnapshotRows } from '../../../query/tableRows.ts';
import { fixturesDir } from '../../../../test/support/fixtures.ts';
import { loadSnapshot } from '../loadSnapshot.ts';
import { loadRetentionPreview } from './loadRetentionPreview.ts';

const copies: string[] = [];
afterEach(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOf(table: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lakelab-vacuum-'));
  copies.push(dir);
  cpSync(join(fixturesDir, 'delta-rs', table), dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

const expectedIds = (table: string, version: number) =>
  readFileSync(join(fixturesDir, 'delta-rs-expected', table, `v${version}`, 'rows.jsonl'), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => String((JSON.parse(l) as { id: unknown }).id)).sort();

async function readIds(dir: string, version: number): Promise<string[]> {
  const store = new NodeFsStore(dir);
  const snapshot = await loadSnapshot(store, '', { codec: parquetCodec, version });
  return (await new SnapshotRows(store, snapshot).all()).map((r) => String(r.id)).sort();
}

/** Remove actions of every commit, re-added paths dropped, read as plain JSON. */
function rawTombstones(dir: string): Map<string, number> {
  const removed = new Map<string, number>();
  for (const name of readdirSync(join(dir, '_delta_log')).filter((n) => n.endsWith('.json')).sort()) {
    for (const line of readFileSync(join(dir, '_delta_log', name), 'utf8').split('\n').filter((l) => l.trim())) {
      const action = JSON.parse(line) as { add?: { path: string }; remove?: { path: string; deletionTimestamp?: number } };
      if (action.remove) removed.set(action.remove.path, action.remove.deletionTimestamp ?? 0);
      if (action.add) removed.delete(action.add.path);
    }
  }
  return removed;
}

describe('the VACUUM preview, by delta-rs rules', () => {
  it("simple_table, full, retention 0: delta-rs's 32 files; after deleting them only the latest version reads, with its rows", async () => {
    const dir = copyOf('simple_table');
    const preview = await loadRetentionPreview(new NodeFsStore(dir), '', parquetCodec, { now: Date.now(), retentionMs: 0, enforceRetention: false, mode: 'full' });
    expect(preview.vacuum.files).toHaveLength(32);
    expect(preview.vacuum.lostVersions).toEqual([0, 1, 2, 3]);
    for (const file of preview.vacuum.files) rmSync(join(dir, file.path));
    expect(await readIds(dir, 4)).toEqual(expectedIds('simple_table', 4));
    for (const v of [0, 1, 2, 3]) await expect(readIds(dir, v)).rejects.toThrow(/part-/);
  });

  it('simple_table, lite, the tombstones of v1 to v3 expired: exactly those files go; the versions that read them fail, the others read their rows', async () => {
    const dir = copyOf('simple_table');
    const removedInV3 = 1587968614096;
    const tombstones = rawTombstones(dir);
    const preview = await loadRetentionPreview(new NodeFsStore(dir), '', parquetCodec, { now: removedInV3 + 1, retentionMs: 0, enforceRetention: false, mode: 'lite' });
    const expected = [...tombstones].filter(([, at]) => at < removedInV3 + 1).map(([path]) => path).sort();
    expect(preview.vacuum.files.map((f) => f.path)).toEqual(expected);
    expect(preview.vacuum.retainedTombstones).toBe([...tombstones.values()].filter((at) => at >= removedInV3 + 1).length);
    for (const file of preview.vacuum.files) {
      expect(file.why).toBe('expired tombstone');
      if (file.exists) rmSync(join(dir, file.path));
      else expect(existsSync(join(fixturesDir, 'delta-rs', 'simple_table', file.path))).toBe(false);
    }
    for (let v = 0; v <= 4; v++) {
      if (preview.vacuum.lostVersions.includes(v)) await expect(readIds(dir, v)).rejects.toThrow(/part-/);
      else expect(await readIds(dir, v)).toEqual(expectedIds('simple_table', v));
    }
    expect(preview.vacuum.lostVersions).not.toContain(4);
  });

  it("refuses a retention shorter than the table's in delta-rs's words, unless enforcement is off", async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs', 'simple_table'));
    const preview = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), retentionMs: 167 * 3_600_000, mode: 'lite' });
    expect(preview.vacuum.refused).toBe('Invalid retention period, minimum retention for vacuum is configured to be greater than 168 hours, got 167 hours');
    expect(preview.vacuum.files).toEqual([]);
  });

  it('the default retention (7 days) on a table removed in 2020: lite takes every tombstone; full adds no unnamed file modified within the retention (this checkout)', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs', 'simple_table'));
    const lite = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), mode: 'lite' });
    const full = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), mode: 'full' });
    expect(lite.vacuum.retentionMs).toBe(7 * 24 * 3_600_000);
    expect(lite.vacuum.files.length).toBe(rawTombstones(join(fixturesDir, 'delta-rs', 'simple_table')).size);
    expect(full.vacuum.files).toEqual(lite.vacuum.files);
    const later = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now() + 8 * 24 * 3_600_000, mode: 'full' });
    expect(later.vacuum.files.filter((f) => f.exists)).toHaveLength(32);
  });

  it('cdf-table, full: every file under _change_data (cdc files and their .crc: the path is not hidden) goes too; lite keeps them', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs', 'cdf-table'));
    const full = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), retentionMs: 0, enforceRetention: false, mode: 'full' });
    const cdc = readdirSync(join(fixturesDir, 'delta-rs', 'cdf-table', '_change_data'), { recursive: true, encoding: 'utf8' }).filter((p) => existsSync(join(fixturesDir, 'delta-rs', 'cdf-table', '_change_data', p)) && p.includes('.'));
    expect(full.vacuum.files.filter((f) => f.path.startsWith('_change_data/')).map((f) => f.path).sort()).toEqual(cdc.map((p) => `_change_data/${p}`).sort());
    const lite = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), retentionMs: 0, enforceRetention: false, mode: 'lite' });
    expect(lite.vacuum.files.some((f) => f.path.startsWith('_change_data/'))).toBe(false);
  });

  it('table-with-dv-small, full: the deletion-vector file the latest version reads is listed, marked in use (delta-rs counts data files only)', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs', 'table-with-dv-small'));
    const full = await loadRetentionPreview(store, '', parquetCodec, { now: Date.now(), retentionMs: 0, enforceRetention: false, mode: 'full' });
    const dv = full.vacuum.files.find((f) => f.why === 'deletion vector');
    expect(dv).toMatchObject({ path: 'deletion_vector_61d16c75-6994-46b7-a15b-8b538852e50e.bin', inUse: true });
    expect(full.vacuum.lostVersions).toContain(full.version);
  });
});

describe('the log cleanup preview, by delta-rs rules', () => {
  it('simple_table_with_checkpoint, past its log retention: the files before checkpoint 10 go; versions 0 to 9 are lost, 10 still reads', async () => {
    const dir = copyOf('simple_table_with_checkpoint');
    const preview = await loadRetentionPreview(new NodeFsStore(dir), '', parquetCodec, { now: Date.now() + 31 * 24 * 3_600_000, mode: 'lite' });
    expect(preview.logCleanup.safeCheckpointVersion).toBe(10);
    expect(preview.logCleanup.files.map((f) => f.version)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(preview.logCleanup.lostVersions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const file of preview.logCleanup.files) rmSync(join(dir, file.key));
    expect(await readIds(dir, 10)).toEqual(expectedIds('simple_table_with_checkpoint', 10));
    await expect(readIds(dir, 9)).rejects.toThrow(/cleaned up|cannot be read/);
  });

  it('a table without a checkpoint, or inside the retention: nothing goes', async () => {
    const none = await loadRetentionPreview(new NodeFsStore(join(fixturesDir, 'delta-rs', 'simple_table')), '', parquetCodec, { now: Date.now() + 365 * 24 * 3_600_000, mode: 'lite' });
    expect(none.logCleanup).toMatchObject({ safeCheckpointVersion: null, files: [], lostVersions: [] });
    const recent = await loadRetentionPreview(new NodeFsStore(join(fixturesDir, 'delta-rs', 'simple_table_with_checkpoint')), '', parquetCodec, { now: Date.now(), mode: 'lite' });
    expect(recent.logCleanup.files).toEqual([]);
  });
});
