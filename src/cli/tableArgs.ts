/** What every reading command shares: the table path, the version or timestamp, the snapshot. */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { LakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { flagInteger, flagTimestamp, UsageError, type ParsedArgs } from './args.ts';
import type { Io } from './command.ts';

export interface OpenedTable {
  store: NodeFsStore;
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

export async function openTableAt(args: ParsedArgs, _io: Io): Promise<OpenedTable> {
  const version = flagInteger(args, 'version');
  const timestamp = flagTimestamp(args, 'timestamp');
  if (version !== undefined && timestamp !== undefined) throw new UsageError('give --version or --timestamp, not both');
  const store = tableStore(args);
  const snapshot = await loadSnapshot(store, '', { version, timestamp, codec: parquetCodec });
  return { store, snapshot };
}
