/** What every reading command shares: the table path, the version or timestamp, the snapshot. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { describeTimeSource } from '../core/delta/timeTravel.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { IndexedTimesStore } from '../storage/indexedTimesStore.ts';
import { lazyParquetCodec as parquetCodec } from './lazyParquetCodec.ts';
import { flagInteger, flagTimestamp, UsageError, type ParsedArgs } from './args.ts';
import type { Io } from './command.ts';

export interface OpenedTable {
  store: ObjectStore;
  snapshot: DeltaSnapshot;
}

/** The store of the folder the command names; `create` may name one that does not exist yet. */
export function tableStore(args: ParsedArgs, options: { mayCreate?: boolean } = {}): NodeFsStore {
  const path = args.positionals[0];
  if (!path) throw new UsageError('missing <table>');
  checkFolder(path, options.mayCreate ?? false);
  return new NodeFsStore(resolve(path));
}

function checkFolder(path: string, mayCreate: boolean): void {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && mayCreate) return;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new LakeError('NotFound', `${path} does not exist`, { cause: error });
    if (code === 'EACCES' || code === 'EPERM') throw new LakeError('AccessDenied', `${path}: permission denied`, { cause: error });
    throw error;
  }
  if (!stat.isDirectory()) throw new LakeError('InvalidInput', `${path} is a file, not a table: give the folder that holds _delta_log/`);
  if (basename(resolve(path)) === '_delta_log') throw new LakeError('InvalidInput', `${path} is a table's log: give the table's folder, the one that holds _delta_log/`);
}

/** A table to read: its files' times as its lakelab-index.json records them, where it has one (as the page sees them). */
export function readingStore(args: ParsedArgs): ObjectStore {
  return new IndexedTimesStore(tableStore(args));
}

/** The snapshot at --version or --timestamp (saying on stderr which version a time found, and by which times). */
export async function openTableAt(args: ParsedArgs, io: Io): Promise<OpenedTable> {
  const version = flagInteger(args, 'version');
  const timestamp = flagTimestamp(args, 'timestamp');
  if (version !== undefined && timestamp !== undefined) throw new UsageError('give --version or --timestamp, not both');
  const store = readingStore(args);
  const snapshot = await loadSnapshot(store, '', { version, timestamp, codec: parquetCodec });
  const travel = snapshot.timeTravel;
  if (travel && timestamp !== undefined) {
    io.stderr.write(`lakelab: --timestamp ${new Date(timestamp).toISOString()} is version ${travel.version}, committed at ${new Date(travel.commitTime).toISOString()} by ${describeTimeSource(travel.by)}\n`);
  }
  return { store, snapshot };
}
