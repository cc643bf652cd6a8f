/**
 * `lakelab clean <table> [--older-than 1h] [--dry-run] [--retention 168h]`: removes the
 * temporary files writers left when they died mid-write (older than any live writer's), says
 * each one it removes, and lists what else is lying about: data files no version names (lost
 * races, writers that died before committing) and what delta-rs's VACUUM would remove. Only
 * the temporary files are removed; VACUUM is left to the engine the table belongs to.
 */
import { resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import { listAll } from '../../core/objectStore.ts';
import { loadSnapshot } from '../../core/delta/loadSnapshot.ts';
import { loadLogListing } from '../../core/delta/logSegment.ts';
import { loadCommits } from '../../core/delta/loadCommits.ts';
import { planVacuum, type VacuumPlan } from '../../core/delta/vacuumPlan.ts';
import { planTempCleanup, toDurationMs } from '../../core/delta/tempFiles.ts';
import { formatAge } from '../../core/lease/leaseStamp.ts';
import { listTempFiles, removeTempFile } from '../../storage/nodeTempFiles.ts';
import { lazyParquetCodec as parquetCodec } from '../lazyParquetCodec.ts';
import { flagString, hasFlag, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { help, tablePositional } from '../commonOptions.ts';
import { tableStore } from '../tableArgs.ts';

export const cleanCommand: Command = {
  spec: {
    name: 'clean',
    summary: 'remove the temporary files writers left when they died mid-write; list the data files no version names and what VACUUM would remove',
    positionals: tablePositional,
    options: [
      { name: 'older-than', takes: 'value', valueName: 'AGE', description: 'remove temporary files at least this old: 90s, 15m, 1h (default), 7d; younger ones may belong to a live writer' },
      { name: 'dry-run', takes: 'switch', description: 'say what would be removed, remove nothing' },
      { name: 'retention', takes: 'value', valueName: 'AGE', description: "the VACUUM retention to plan with (default: the table's delta.deletedFileRetentionDuration, or 7 days)" },
      help,
    ],
  },
  run: runClean,
};

function duration(args: ParsedArgs, name: string, fallback?: string): number | undefined {
  const text = flagString(args, name) ?? fallback;
  if (text === undefined) return undefined;
  const ms = toDurationMs(text);
  if (ms === undefined) throw new LakeError('InvalidInput', `--${name} must be a duration such as 90s, 15m, 1h or 7d, got "${text}"`);
  return ms;
}

async function runClean(args: ParsedArgs, io: Io): Promise<number> {
  const store = tableStore(args);
  const root = resolve(args.positionals[0] ?? '.');
  const dryRun = hasFlag(args, 'dry-run');
  const olderThanMs = duration(args, 'older-than', '1h')!;
  const now = Date.now();
  const out = (line: string) => io.stdout.write(`${line}\n`);

  const temp = planTempCleanup(await listTempFiles(root), now, olderThanMs);
  out(`Temporary files left by writers that died mid-write: ${temp.remove.length + temp.keep.length}`);
  for (const file of temp.remove) {
    if (!dryRun) await removeTempFile(root, file.key);
    out(`  ${dryRun ? 'would remove' : 'removed'} ${file.key} (${formatAge(now - file.lastModified)} old, ${file.size} bytes)`);
  }
  for (const file of temp.keep) out(`  kept ${file.key} (${formatAge(now - file.lastModified)} old: younger than --older-than ${formatAge(olderThanMs)}, a writer may still be using it)`);

  const snapshot = await loadSnapshot(store, '', { codec: parquetCodec });
  const listing = await loadLogListing(store, '');
  const versions = [...listing.commits.keys()].sort((a, b) => a - b);
  const commits = await loadCommits(store, '', versions, { sizes: new Map(versions.map((v) => [v, listing.commits.get(v)?.size ?? 0])) });
  const vacuum = planVacuum({
    objects: await listAll(store, ''),
    commits,
    activePaths: new Set(snapshot.files.map((f) => decodeURIComponent(f.path))),
    partitionColumns: snapshot.metadata.partitionColumns,
    configuration: snapshot.metadata.configuration,
    now,
    retentionMs: duration(args, 'retention'),
  });
  printVacuum(vacuum, now, out);
  return 0;
}

function printVacuum(plan: VacuumPlan, now: number, out: (line: string) => void): void {
  const bytes = (files: { size: number }[]) => files.reduce((n, f) => n + f.size, 0);
  const list = (files: { key: string; size: number; lastModified: number }[]) => {
    for (const file of files.slice(0, 50)) out(`    ${file.key} (${formatAge(now - file.lastModified)} old, ${file.size} bytes)`);
    if (files.length > 50) out(`    ... and ${files.length - 50} more`);
  };
  out(`Data files no version names (lost races, writers that died before committing): ${plan.orphans.length} (${bytes(plan.orphans)} bytes)`);
  list(plan.orphans);
  out(`VACUUM, by delta-rs's rules, with a retention of ${formatAge(plan.retentionMs)} (not run: use the engine's VACUUM):`);
  if (plan.retentionMs < plan.tableRetentionMs) out(`  (delta-rs refuses a retention shorter than the table's ${formatAge(plan.tableRetentionMs)} unless enforce_retention_duration=False)`);
  out(`  lite (the default) would remove ${plan.expiredTombstones.length} file(s), ${bytes(plan.expiredTombstones)} bytes: removed from the table longer ago than the retention`);
  list(plan.expiredTombstones);
  out(`  full would also remove the ${plan.orphans.length} data file(s) no version names`);
  out(`  kept for time travel: ${plan.retainedTombstones.length} file(s) removed within the retention`);
}
