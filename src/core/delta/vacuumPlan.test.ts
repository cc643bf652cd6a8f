/**
 * VACUUM's plan against delta-rs's own answers on its simple_table (vacuum.rs tests: with a
 * retention of 0 and no enforcement, full mode removes all 32 data files the current version
 * does not name; lite removes only those a remove action names), and on tables Lakelab wrote.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { listAll } from '../objectStore.ts';
import { NodeFsStore } from '../../storage/nodeFsStore.ts';
import { parquetCodec } from '../../query/parquetRows.ts';
import { loadSnapshot } from './loadSnapshot.ts';
import { loadLogListing } from './logSegment.ts';
import { loadCommits } from './loadCommits.ts';
import { planVacuum, toRetentionMs } from './vacuumPlan.ts';
import { fixturesDir } from '../../../test/support/fixtures.ts';

async function planFor(dir: string, retentionMs: number | undefined, now = Date.now()) {
  const store = new NodeFsStore(dir);
  const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
  const listing = await loadLogListing(store, '');
  const commits = await loadCommits(store, '', [...listing.commits.keys()].sort((a, b) => a - b));
  return planVacuum({
    objects: await listAll(store, ''), commits, activePaths: new Set(snapshot.files.map((f) => decodeURIComponent(f.path))),
    partitionColumns: snapshot.metadata.partitionColumns, configuration: snapshot.metadata.configuration, now, retentionMs,
  });
}

describe('the VACUUM plan, by delta-rs rules', () => {
  it("delta-rs's simple_table, retention 0: full removes the 32 files delta-rs removes, lite the ones a remove names", async () => {
    const plan = await planFor(join(fixturesDir, 'delta-rs', 'simple_table'), 0);
    expect(plan.expiredTombstones.length + plan.orphans.length).toBe(32);
    expect(plan.expiredTombstones.length).toBeGreaterThan(0);
    expect(plan.retainedTombstones).toEqual([]);
    for (const file of [...plan.expiredTombstones, ...plan.orphans]) expect(file.key).toMatch(/^part-.*\.parquet$/);
  });

  it('with the default retention (7 days) nothing removed recently is expired; the log and checkpoints are never candidates', async () => {
    const dir = join(fixturesDir, 'delta-rs', 'simple_table_with_checkpoint');
    const removedAt = (await planFor(dir, 0)).expiredTombstones.length;
    const plan = await planFor(dir, undefined, 1_600_000_000_000);
    expect(plan.retentionMs).toBe(7 * 24 * 3600 * 1000);
    expect(plan.expiredTombstones.length + plan.retainedTombstones.length).toBe(removedAt);
    for (const file of [...plan.expiredTombstones, ...plan.retainedTombstones, ...plan.orphans]) expect(file.key.startsWith('_delta_log')).toBe(false);
  });

  it('reads delta.deletedFileRetentionDuration as delta-rs does', () => {
    expect(toRetentionMs(undefined)).toBe(604_800_000);
    expect(toRetentionMs('interval 1 week')).toBe(604_800_000);
    expect(toRetentionMs('interval 36 hours')).toBe(36 * 3_600_000);
    expect(toRetentionMs('2 days')).toBe(2 * 86_400_000);
    expect(() => toRetentionMs('soon')).toThrow(/is not an interval/);
  });
});
