/**
 * The change data feed against the tables' own change files and other engines' answers:
 * - delta-rs's cdf-table: versions 1 to 3 carry cdc files, whose rows (read straight from the
 *   Parquet here, partition values from the cdc actions) are the feed's rows; version 0 has none
 *   and reads as inserts of the rows the table holds at 0 (delta-rs-expected);
 * - delta-kernel-rs's cdf-table-with-dv: deletion vectors added and restored, no cdc files; the
 *   rows and change types its own test expects (kernel/tests/cdf.rs `cdf_with_deletion_vector`);
 * - cdc_ict_table: `_commit_timestamp` is the commit's in-commit timestamp.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { fixturesDir } from '../../test/support/fixtures.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import { parquetCodec } from './parquetRows.ts';
import { loadChangeRows } from './changeFeedRows.ts';

function feed(table: string, startVersion: number, endVersion: number) {
  const store = new NodeFsStore(join(fixturesDir, table));
  return loadChangeRows(store, '', { startVersion, endVersion, limit: 10_000 }, (version) => loadSnapshot(store, '', { codec: parquetCodec, version }));
}

const commitLines = (table: string, version: number) =>
  readFileSync(join(fixturesDir, table, '_delta_log', `${String(version).padStart(20, '0')}.json`), 'utf8')
    .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, Record<string, unknown>>);

const canonical = (row: Record<string, unknown>, keys: string[]) => JSON.stringify(keys.map((k) => (row[k] === null || row[k] === undefined ? null : String(row[k]))));

describe('the change data feed', () => {
  it("cdf-table: each cdc version's rows are its cdc files' rows; version 0 (no cdc files) is the table's rows as inserts", async () => {
    const changes = await feed('delta-rs/cdf-table', 0, 3);
    expect(changes.versions.map((v) => [v.version, v.source, v.cdfEnabled])).toEqual([[0, 'files', true], [1, 'cdc', true], [2, 'cdc', true], [3, 'cdc', true]]);
    expect(changes.columns).toEqual(['id', 'name', 'birthday', '_change_type', '_commit_version', '_commit_timestamp']);
    const keys = ['id', 'name', 'birthday', '_change_type'];
    for (const version of [1, 2, 3]) {
      const expected: string[] = [];
      for (const action of commitLines('delta-rs/cdf-table', version)) {
        if (!action.cdc) continue;
        const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'delta-rs/cdf-table', decodeURIComponent(action.cdc.path as string))));
        for (const row of await parquetCodec.readRows(bytes)) expected.push(canonical({ ...row, ...(action.cdc.partitionValues as Record<string, string>) }, keys));
      }
      expect(expected.length).toBeGreaterThan(0);
      expect(changes.rows.filter((r) => r._commit_version === version).map((r) => canonical(r, keys)).sort()).toEqual(expected.sort());
    }
    const v0 = readFileSync(join(fixturesDir, 'delta-rs-expected', 'cdf-table', 'v0', 'rows.jsonl'), 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => canonical({ ...(JSON.parse(l) as Record<string, unknown>), _change_type: 'insert' }, keys)).sort();
    expect(changes.rows.filter((r) => r._commit_version === 0).map((r) => canonical(r, keys)).sort()).toEqual(v0);
    const info = commitLines('delta-rs/cdf-table', 1).find((a) => a.commitInfo)!.commitInfo!;
    expect(typeof info.timestamp).toBe('number');
  });

  it("cdf-table-with-dv: deletes and restores from deletion vectors, as delta-kernel-rs's test expects up to version 4 and as the rows of each version differ", async () => {
    const changes = await feed('delta-kernel-rs/cdf-table-with-dv', 0, 6);
    expect(changes.versions.every((v) => v.source === 'files')).toBe(true);
    const got = (version: number) => changes.rows.filter((r) => r._commit_version === version).map((r) => `${r._change_type}:${r.value}`).sort();
    // kernel/tests/cdf.rs cdf_with_deletion_vector
    expect(got(0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => `insert:${v}`).sort());
    expect(got(1)).toEqual(['delete:0', 'delete:9']);
    expect(got(2)).toEqual(['insert:0', 'insert:9']);
    expect(got(3)).toEqual(['delete:0', 'delete:1', 'delete:4', 'delete:5']);
    expect(got(4)).toEqual(['insert:1', 'insert:4']);
    // The kernel expects version 5 to delete 3 and version 6 to restore it, but version 5's inline
    // vector has a Z85 group past 2^32, which Lakelab decodes as Delta's Base85Codec does
    // (wrapping, docs in z85.ts), as the reference rows of version 5 read. Every version's changes
    // are the difference between the reference rows of the version before and its own.
    const rowsAt = (v: number) => readFileSync(join(fixturesDir, 'delta-kernel-rs-expected', 'cdf-table-with-dv', `v${v}`, 'rows.jsonl'), 'utf8')
      .split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { value: number }).value);
    for (let v = 1; v <= 6; v++) {
      const before = rowsAt(v - 1);
      const after = rowsAt(v);
      const implied = [...before.filter((x) => !after.includes(x)).map((x) => `delete:${x}`), ...after.filter((x) => !before.includes(x)).map((x) => `insert:${x}`)].sort();
      expect(got(v), `version ${v}`).toEqual(implied);
    }
  });

  it("cdc_ict_table: _commit_timestamp is each commit's in-commit timestamp", async () => {
    const changes = await feed('delta-rs/cdc_ict_table', 0, 3);
    for (const version of changes.versions) {
      const ict = commitLines('delta-rs/cdc_ict_table', version.version).find((a) => a.commitInfo)!.commitInfo!.inCommitTimestamp as number;
      expect(version.timestamp).toBe(ict);
      for (const row of changes.rows.filter((r) => r._commit_version === version.version)) {
        expect(Date.parse(String(row._commit_timestamp))).toBe(ict);
      }
    }
    expect(changes.rows.length).toBeGreaterThan(0);
  });

  it('stops at the limit and says so; refuses a range that runs backwards', async () => {
    const store = new NodeFsStore(join(fixturesDir, 'delta-rs/cdf-table'));
    const at = (version: number) => loadSnapshot(store, '', { codec: parquetCodec, version });
    const limited = await loadChangeRows(store, '', { startVersion: 0, endVersion: 3, limit: 3 }, at);
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.rows).toHaveLength(3);
    await expect(loadChangeRows(store, '', { startVersion: 3, endVersion: 1, limit: 3 }, at)).rejects.toThrow(/starting version at or before the ending one/);
  });
});
