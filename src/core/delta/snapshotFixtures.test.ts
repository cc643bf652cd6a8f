/**
 * Snapshots of the real fixture tables: active files and their record counts against the
 * expected rows shipped beside each table, and which checkpoint each version starts from
 * (judged from the files each fixture's _delta_log/ holds).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { MemoryStore } from '../../storage/memoryStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { fixtureTable, fixturesDir } from '../../../test/support/fixtures.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { parseStats } from './stats.ts';
import type { DeltaSnapshot } from './snapshot.ts';

const open = (table: string, version?: number) => loadSnapshot(new NodeFsStore(join(fixturesDir, table)), '', { codec: parquetCodec, version });

/**
 * Rows a snapshot holds: each active file's numRecords (its stats, or the data file's own row
 * count when the writer kept no stats) less its deletion vector's cardinality.
 */
async function rowCountOf(snapshot: DeltaSnapshot, tableDir: string): Promise<number> {
  let rows = 0;
  for (const add of snapshot.files) {
    let n = parseStats(add)?.numRecords;
    if (n === undefined) n = (await parquetCodec.readRows(new Uint8Array(readFileSync(join(tableDir, decodeURIComponent(add.path)))))).length;
    rows += n - (add.deletionVector?.cardinality ?? 0);
  }
  return rows;
}

interface CountCase { table: string; version: number | undefined; expectedRows: () => Promise<number> }

function countCases(): CountCase[] {
  const cases: CountCase[] = [];
  const rsExpected = join(fixturesDir, 'delta-rs-expected');
  for (const table of readdirSync(rsExpected)) {
    for (const v of readdirSync(join(rsExpected, table))) {
      const file = join(rsExpected, table, v, 'rows.jsonl');
      cases.push({ table: `delta-rs/${table}`, version: Number(v.slice(1)), expectedRows: async () => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length });
    }
  }
  const dat = join(fixturesDir, 'dat');
  for (const name of readdirSync(dat).filter((c) => existsSync(join(dat, c, 'delta')))) {
    for (const v of readdirSync(join(dat, name, 'expected'))) {
      const file = join(dat, name, 'expected', v, 'table_content.parquet');
      cases.push({
        table: `dat/${name}/delta`,
        version: v === 'latest' ? undefined : Number(v.slice(1)),
        expectedRows: async () => (await parquetCodec.readRows(new Uint8Array(readFileSync(file)))).length,
      });
    }
  }
  return cases;
}

describe('fixture snapshots: record counts match the expected rows', () => {
  const cases = countCases();
  it('finds the fixtures', () => expect(cases.length).toBeGreaterThan(50));
  for (const c of cases) {
    it(`${c.table}@${c.version ?? 'latest'}`, async () => {
      const snapshot = await open(c.table, c.version);
      if (c.version !== undefined) expect(snapshot.version).toBe(c.version);
      expect(await rowCountOf(snapshot, join(fixturesDir, c.table))).toBe(await c.expectedRows());
    });
  }
});

describe('checkpoint selection', () => {
  const segmentOf = async (table: string, version?: number) => {
    const { logSegment } = await open(`delta-rs/${table}`, version);
    return {
      version: logSegment.version,
      checkpoint: logSegment.checkpoint && `${logSegment.checkpoint.kind}@${logSegment.checkpoint.version}`,
      commits: logSegment.commitFiles.map((k) => Number(k.slice(k.lastIndexOf('/') + 1, -'.json'.length))),
    };
  };

  it('starts from the newest checkpoint at or before the version', async () => {
    expect(await segmentOf('simple_table_with_checkpoint')).toEqual({ version: 10, checkpoint: 'classic@10', commits: [] });
    expect(await segmentOf('simple_table_with_checkpoint', 9)).toEqual({ version: 9, checkpoint: undefined, commits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(await segmentOf('checkpoints')).toEqual({ version: 12, checkpoint: undefined, commits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
    expect(await segmentOf('python-0.25.5-checkpoint', 0)).toEqual({ version: 0, checkpoint: 'classic@0', commits: [] });
    expect(await segmentOf('python-0.25.5-checkpoint')).toEqual({ version: 1, checkpoint: 'classic@0', commits: [1] });
  });

  it('replays the commits after the latest checkpoint, with or without _last_checkpoint', async () => {
    expect(await segmentOf('latest_not_checkpointed')).toEqual({ version: 3, checkpoint: 'classic@2', commits: [3] });
    expect(await segmentOf('with_checkpoint_no_last_checkpoint')).toEqual({ version: 3, checkpoint: 'classic@2', commits: [3] });
  });

  it('uses a checkpoint newer than a stale _last_checkpoint', async () => {
    expect(await segmentOf('table_failed_last_checkpoint_update')).toEqual({ version: 3, checkpoint: 'classic@3', commits: [] });
    expect(await segmentOf('table_failed_last_checkpoint_update', 2)).toEqual({ version: 2, checkpoint: 'classic@1', commits: [2] });
  });

  it('reads V2 checkpoints and their sidecars', async () => {
    expect(await segmentOf('checkpoint-v2-table')).toEqual({ version: 9, checkpoint: 'v2@8', commits: [9] });
    expect(await segmentOf('checkpoint-v2-table', 7)).toEqual({ version: 7, checkpoint: 'v2@6', commits: [7] });
    const snapshot = await open('delta-rs/checkpoint-v2-table', 8);
    expect(snapshot.logSegment.checkpoint?.files.filter((f) => f.includes('/_sidecars/'))).toHaveLength(1);
  });

  it('reads vacuumed history from its oldest checkpoint, and says which versions remain', async () => {
    expect(await segmentOf('checkpoints_vacuumed')).toEqual({ version: 12, checkpoint: 'classic@10', commits: [11, 12] });
    expect(await segmentOf('checkpoints_vacuumed', 7)).toEqual({ version: 7, checkpoint: 'classic@5', commits: [6, 7] });
    await expect(open('delta-rs/checkpoints_vacuumed', 4)).rejects.toMatchObject({ code: 'NotFound', message: expect.stringContaining('versions 5 to 12') });
  });

  it('reads a multi-part checkpoint, and falls back to the commits when a part is missing', async () => {
    const fixture = await fixtureTable('delta-rs/simple_table_with_checkpoint');
    const classic = fixture.get('_delta_log/00000000000000000010.checkpoint.parquet');
    if (!classic) throw new Error('fixture lacks its checkpoint');
    const store = new MemoryStore();
    for (const [key, entry] of fixture) if (!key.endsWith('.checkpoint.parquet')) store.putWithTime(key, entry.data, entry.lastModified);
    // Two parts, each holding the classic checkpoint's rows: replay is idempotent, so the state is the same.
    store.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000001.0000000002.parquet', classic.data, 0);
    store.putWithTime('_delta_log/00000000000000000010.checkpoint.0000000002.0000000002.parquet', classic.data, 0);
    const expected = (await open('delta-rs/simple_table_with_checkpoint')).files.map((f) => f.path).sort();
    const multi = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(multi.logSegment.checkpoint).toMatchObject({ kind: 'multi-part', version: 10 });
    expect(multi.logSegment.checkpoint?.files).toHaveLength(2);
    expect(multi.files.map((f) => f.path).sort()).toEqual(expected);

    await store.delete('_delta_log/00000000000000000010.checkpoint.0000000002.0000000002.parquet');
    const fallback = await loadSnapshot(store, '', { codec: parquetCodec });
    expect(fallback.logSegment.checkpoint).toBeUndefined();
    expect(fallback.logSegment.commitFiles).toHaveLength(11);
    expect(fallback.files.map((f) => f.path).sort()).toEqual(expected);
  });
});
