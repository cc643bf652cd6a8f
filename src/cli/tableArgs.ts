/** What every reading command shares: the table path, the version or timestamp, the snapshot. */
import { resolve } from 'node:path';
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

export function tableStore(args: ParsedArgs): NodeFsStore {
  const path = args.positionals[0];
  if (!path) throw new UsageError('missing <table>');
  return new NodeFsStore(resolve(path));
}

export async function openTableAt(args: ParsedArgs, _io: Io): Promise<OpenedTable> {
  const version = flagInteger(args, 'version');
  const timestamp = flagTimestamp(args, 'timestamp');
  if (version !== undefined && timestamp !== undefined) throw new UsageError('give --version or --timestamp, not both');
  const store = tableStore(args);
  const snapshot = await loadSnapshot(store, '', { version, timestamp, codec: parquetCodec });
  return { store, snapshot };
}
