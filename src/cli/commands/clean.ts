/**
 * `lakelab clean <table> [--older-than 1h] [--dry-run] [--retention 168h]`: removes the
 * temporary files writers left when they died mid-write (older than any live writer's), says
 * each one it removes, and lists what else is lying about: data files no version names (lost
 * races, writers that died before committing) and what delta-rs's VACUUM would remove. Only
 * the temporary files are removed; VACUUM is left to the engine the table belongs to.
 */
import { resolve } from 'node:path';
import { LakeError } from '../../core/errors.ts';
import { loadVacuumFacts } from '../../core/delta/analysis/loadRetentionPreview.ts';
import { planVacuumPreview, type VacuumCandidate, type VacuumPreview } from '../../core/delta/analysis/vacuumPreview.ts';
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

  // VACUUM planned as the page's Maintenance view plans it (vacuumPreview.ts, delta-rs's rules),
  // from one load of the log and one listing; at a retention of 0, its full mode names every data
  // file the log no longer accounts for.
  const retentionMs = duration(args, 'retention');
  const { facts } = await loadVacuumFacts(store, '', parquetCodec);
  const plan = planVacuumPreview({ ...facts, now, retentionMs, mode: 'full', enforceRetention: false });
  const unaccounted = planVacuumPreview({ ...facts, now, retentionMs: 0, mode: 'full', enforceRetention: false });
  printVacuum(plan, unaccounted.files.filter((f) => f.why === 'not in the log'), now, out);
  return 0;
}

function printVacuum(vacuum: Pick<VacuumPreview, 'retentionMs' | 'tableRetentionMs' | 'retainedTombstones' | 'files'>, unnamed: readonly VacuumCandidate[], now: number, out: (line: string) => void): void {
  const bytes = (files: readonly VacuumCandidate[]) => files.reduce((n, f) => n + (f.size ?? 0), 0);
  const list = (files: readonly VacuumCandidate[]) => {
    for (const file of files.slice(0, 50)) {
      const age = file.lastModified === undefined ? 'already gone' : `${formatAge(now - file.lastModified)} old`;
      out(`    ${file.path} (${age}, ${file.size ?? '?'} bytes${file.why === 'expired tombstone' || file.why === 'not in the log' ? '' : `, ${file.why}`}${file.inUse ? ', a version still reads it' : ''})`);
    }
    if (files.length > 50) out(`    ... and ${files.length - 50} more`);
  };
  out(`Data files no version names and no tombstone covers (lost races, writers that died before committing): ${unnamed.length} (${bytes(unnamed)} bytes)`);
  list(unnamed);
  const lite = vacuum.files.filter((f) => f.why === 'expired tombstone');
  const full = vacuum.files.filter((f) => f.why !== 'expired tombstone');
  out(`VACUUM, by delta-rs's rules, with a retention of ${formatAge(vacuum.retentionMs)} (not run: use the engine's VACUUM):`);
  if (vacuum.retentionMs < vacuum.tableRetentionMs) out(`  (delta-rs refuses a retention shorter than the table's ${formatAge(vacuum.tableRetentionMs)} unless enforce_retention_duration=False)`);
  out(`  lite (the default) would remove ${lite.length} file(s), ${bytes(lite)} bytes: removed from the table longer ago than the retention`);
  list(lite);
  out(`  full would also remove ${full.length} file(s), ${bytes(full)} bytes: no version names them and they were last written longer ago than the retention`);
  list(full);
  out(`  kept for time travel: ${vacuum.retainedTombstones} file(s) removed within the retention`);
}
