/** What every reading command shares: the table path, the version or timestamp, the snapshot. */
import { resolve } from 'node:path';
import { LakeError } from '../core/errors.ts';
import { loadSnapshot } from '../core/delta/loadSnapshot.ts';
import type { DeltaSnapshot } from '../core/delta/snapshot.ts';
import { NodeFsStore } from '../storage/nodeFsStore.ts';
import { parquetCodec } from '../query/parquetRows.ts';
import { flagInteger, flagTimestamp, type ParsedArgs } from './args.ts';

export interface OpenedTable {
  store: NodeFsStore;
  snapshot: DeltaSnapshot;
}

export function tableStore(args: ParsedArgs): NodeFsStore {
  const path = args.positionals[0];
  if (!path) throw new LakeError('InvalidInput', `lakelab ${args.command} needs a table path`);
  return new NodeFsStore(resolve(path));
}

export async function openTableAt(args: ParsedArgs): Promise<OpenedTable> {
  const store = tableStore(args);
  const version = flagInteger(args, 'version');
  const timestamp = flagTimestamp(args, 'timestamp');
  if (version !== undefined && timestamp !== undefined) {
    throw new LakeError('InvalidInput', 'give --version or --timestamp, not both');
  }
  const snapshot = await loadSnapshot(store, '', { version, timestamp, codec: parquetCodec });
  return { store, snapshot };
}
