/**
 * A scenario's starting table as a fixture: an existing Delta table, copied into the run's store
 * before any writer starts. The sim does no I/O of its own: whoever runs it injects a
 * FixtureLoader (the CLI reads folders, the page's workers fetch the served samples, tests pass
 * maps of bytes). The copy is planned from the fixture's files (pure), then written one key at a
 * time in key order, so the store is the same on every run.
 */
import { LakeError } from '../core/errors.ts';
import { listAll, type ObjectStore } from '../core/objectStore.ts';
import { logFolder, toLogFile } from '../core/delta/logPaths.ts';
import type { FixtureTable } from './scenario.ts';

/** A fixture's files, keyed relative to the table's root. */
export type FixtureFiles = ReadonlyMap<string, Uint8Array>;

export interface FixtureLoader {
  /** Every fixture name it can load; a scenario naming another is refused with this list. */
  names(): Promise<string[]>;
  /** The fixture's files: its _delta_log and its data files. */
  load(name: string): Promise<FixtureFiles>;
}

/** Every file of a table in a store, read whole: what a loader hands over. */
export async function readFixtureFiles(store: ObjectStore, skip: (key: string) => boolean = () => false): Promise<FixtureFiles> {
  const objects = (await listAll(store, '')).filter((o) => !skip(o.key));
  return new Map(await Promise.all(objects.map(async (o) => [o.key, await store.get(o.key)] as const)));
}

export interface FixtureCopy {
  /** The version the table starts at: the fixture's latest, or the one asked for. */
  version: number;
  /** The keys to copy, in key order. */
  keys: string[];
}

const sidecarFolder = `${logFolder}_sidecars/`;

/**
 * What to copy to start at `version`: the log up to it (commits, checkpoints, checksums, and
 * `_last_checkpoint` only if it points at or before it) and every file outside the log. Data
 * files that only later versions name are copied too: no version of the copy names them, like
 * the files a crashed writer leaves behind.
 */
export function planFixtureCopy(name: string, files: FixtureFiles, version?: number): FixtureCopy {
  const logVersions = new Set<number>();
  for (const key of files.keys()) {
    const entry = key.startsWith(logFolder) ? toLogFile(key.slice(logFolder.length)) : undefined;
    if (entry?.kind === 'commit' || entry?.kind === 'checkpoint') logVersions.add(entry.version);
  }
  if (logVersions.size === 0) throw new LakeError('InvalidInput', `scenario .table.fixture: "${name}" holds no Delta log (no commit or checkpoint in ${logFolder})`);
  const sorted = [...logVersions].sort((a, b) => a - b);
  const latest = sorted.at(-1)!;
  const start = version ?? latest;
  if (!logVersions.has(start)) {
    throw new LakeError('InvalidInput', `scenario .table.version: fixture "${name}" has no version ${start} (its log holds ${toRanges(sorted)})`);
  }
  const keys = [...files.keys()].filter((key) => {
    if (!key.startsWith(logFolder)) return true;
    if (key.startsWith(sidecarFolder)) return true;
    const entry = toLogFile(key.slice(logFolder.length));
    if (!entry) return false; // .tmp/, .s3-optimization-*: not part of the log
    if (entry.kind === 'lastCheckpoint') return lastCheckpointVersion(files.get(key)!) <= start;
    if (entry.kind === 'compacted') return entry.toVersion <= start;
    return entry.version <= start;
  });
  return { version: start, keys: keys.sort() };
}

/** Copies the fixture into `store` (the run's own, before virtual time starts); returns the starting version. */
export async function copyFixture(store: ObjectStore, table: FixtureTable, loader: FixtureLoader | undefined): Promise<number> {
  if (!loader) throw new LakeError('Unsupported', `scenario .table.fixture: this runner has no fixtures to start "${table.fixture}" from`);
  const names = await loader.names();
  if (!names.includes(table.fixture)) {
    throw new LakeError('InvalidInput', `scenario .table.fixture: no fixture "${table.fixture}"; available: ${names.join(', ')}`);
  }
  const files = await loader.load(table.fixture);
  const copy = planFixtureCopy(table.fixture, files, table.version);
  for (const key of copy.keys) await store.put(key, files.get(key)!);
  return copy.version;
}

function lastCheckpointVersion(bytes: Uint8Array): number {
  try {
    const version = (JSON.parse(new TextDecoder().decode(bytes)) as { version?: unknown }).version;
    return typeof version === 'number' ? version : Number.POSITIVE_INFINITY;
  } catch {
    return Number.POSITIVE_INFINITY; // unreadable: leave it out, readers list the log instead
  }
}

function toRanges(versions: number[]): string {
  const ranges: string[] = [];
  let from = versions[0]!;
  for (let i = 1; i <= versions.length; i++) {
    if (versions[i] === versions[i - 1]! + 1) continue;
    const to = versions[i - 1]!;
    ranges.push(from === to ? `version ${from}` : `versions ${from} to ${to}`);
    from = versions[i]!;
  }
  return ranges.join(', ');
}
