/**
 * The change data feed's rows between two versions (inclusive, as delta-rs's load_cdf and Spark's
 * table_changes take them), planned by core/delta/analysis/changeFeed.ts and read here: cdc files
 * with their `_change_type`, added and removed files as inserts and deletes, and the rows a new
 * deletion vector removed. Each row gets `_commit_version` and `_commit_timestamp`.
 */
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import type { AbortSignal } from '../core/abort.ts';
import { commitInfoOf, type Add, type Cdc, type Remove } from '../core/delta/actions.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { planScan } from '../core/delta/planScan.ts';
import { loadLogListing } from '../core/delta/logSegment.ts';
import { loadCommits } from '../core/delta/loadCommits.ts';
import { inCommitTimestampOf } from '../core/delta/commitTimestamp.ts';
import { planChangeFeed, type VersionChanges } from '../core/delta/analysis/changeFeed.ts';
import { subtractRows } from '../core/analysis/versionDiff.ts';
import { scanDelta } from './deltaScan.ts';
import { toJsonRows, type JsonValue } from './jsonValues.ts';

export interface ChangeRows {
  startVersion: number;
  endVersion: number;
  columns: string[];
  rows: Record<string, JsonValue>[];
  truncated: boolean;
  versions: (Omit<VersionChanges, 'reads'> & { files: number })[];
}

export const changeColumns = ['_change_type', '_commit_version', '_commit_timestamp'];

export async function loadChangeRows(
  store: ObjectStore,
  tableRoot: string,
  at: { startVersion: number; endVersion: number; limit: number },
  snapshotAt: (version: number) => Promise<DeltaSnapshot>,
  signal?: AbortSignal,
): Promise<ChangeRows> {
  const { startVersion, endVersion } = at;
  if (!(Number.isInteger(startVersion) && Number.isInteger(endVersion) && startVersion >= 0 && startVersion <= endVersion)) {
    throw new LakeError('InvalidInput', `the change feed needs a starting version at or before the ending one, both 0 or more; got ${startVersion} to ${endVersion}`);
  }
  const end = await snapshotAt(endVersion);
  const listing = await loadLogListing(store, tableRoot, signal);
  const versions = Array.from({ length: endVersion - startVersion + 1 }, (_, i) => startVersion + i);
  const commits = await loadCommits(store, tableRoot, versions, { signal });
  const before = startVersion === 0 ? undefined : await snapshotAt(startVersion - 1);
  const plan = planChangeFeed(
    commits.map((c) => ({ version: c.version, actions: c.actions, timestamp: inCommitTimestampOf(commitInfoOf(c.actions)) ?? listing.commits.get(c.version)?.lastModified ?? 0 })),
    (before?.metadata.configuration['delta.enableChangeDataFeed'] ?? '').toLowerCase() === 'true',
  );
  const rows: Record<string, JsonValue>[] = [];
  let truncated = false;
  outer: for (const version of plan) {
    const stamp = (changeType: string | undefined) => (row: Record<string, JsonValue>) => ({
      ...row,
      ...(changeType !== undefined && { _change_type: changeType }),
      _commit_version: version.version,
      _commit_timestamp: toTimestampText(version.timestamp),
    });
    for (const read of version.reads) {
      let out: Record<string, JsonValue>[];
      if (read.kind === 'cdc') out = (await readFiles(store, await snapshotAt(version.version), [cdcAsAdd(read.file)], true, signal)).map(stamp(undefined));
      else if (read.kind === 'insert') out = (await readFiles(store, await snapshotAt(version.version), [read.file], false, signal)).map(stamp('insert'));
      else if (read.kind === 'delete') out = (await readFiles(store, await snapshotAt(version.version - 1), [removeAsAdd(read.file)], false, signal)).map(stamp('delete'));
      else {
        const was = await readFiles(store, await snapshotAt(version.version - 1), [removeAsAdd(read.before)], false, signal);
        const is = await readFiles(store, await snapshotAt(version.version), [read.after], false, signal);
        const net = subtractRows(was, is, (row) => JSON.stringify(row));
        out = [...net.removed.map(stamp('delete')), ...net.added.map(stamp('insert'))];
      }
      for (const row of out) {
        if (rows.length >= at.limit) {
          truncated = true;
          break outer;
        }
        rows.push(row);
      }
    }
  }
  return {
    startVersion,
    endVersion,
    columns: [...end.schema.fields.map((f) => f.name), ...changeColumns],
    rows,
    truncated,
    versions: plan.map(({ reads, ...v }) => ({ ...v, files: reads.length })),
  };
}

async function readFiles(store: ObjectStore, snapshot: DeltaSnapshot, files: Add[], withChangeType: boolean, signal?: AbortSignal): Promise<Record<string, JsonValue>[]> {
  const plan = planScan({ ...snapshot, files });
  if (withChangeType) plan.columns.push({ logicalName: '_change_type', physicalName: '_change_type', type: 'string', nullable: true, isPartition: false });
  const rows: Record<string, JsonValue>[] = [];
  for await (const batch of scanDelta(store, plan, { signal })) for (const row of toJsonRows(batch)) rows.push(row);
  return rows;
}

const cdcAsAdd = (cdc: Cdc): Add => ({ path: cdc.path, partitionValues: cdc.partitionValues, size: cdc.size, modificationTime: 0, dataChange: false });
const removeAsAdd = (remove: Remove): Add => ({
  path: remove.path, partitionValues: remove.partitionValues ?? {}, size: remove.size ?? 0, modificationTime: 0, dataChange: true, deletionVector: remove.deletionVector ?? null,
});

/** As the CLI prints timestamps: UTC with microseconds. */
function toTimestampText(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
