/**
 * Reading a checkpoint's actions (PROTOCOL.md "Checkpoints"): classic single-file,
 * multi-part, and V2 (a JSON or Parquet top-level file with checkpointMetadata and sidecars).
 */
import { LakeError } from '../errors.ts';
import type { ObjectStore } from '../objectStore.ts';
import type { ParquetCodec } from '../parquetCodec.ts';
import type { AbortSignal } from '../abort.ts';
import { throwIfAborted } from '../abort.ts';
import type { Action } from './actions.ts';
import { parseActions, toCheckpointActions } from './parseActions.ts';
import { sidecarKey } from './logPaths.ts';
import type { CheckpointCandidate } from './logSegment.ts';
import { readObject, type RangedReads } from '../readObject.ts';

/** Checkpoint removes are tombstones for VACUUM; a snapshot does not need them. */
const snapshotColumns = ['add', 'metaData', 'protocol', 'txn', 'domainMetadata', 'checkpointMetadata', 'sidecar'];

export interface CheckpointRead {
  actions: Action[];
  /** Keys read: the checkpoint's files, then its sidecars. */
  files: string[];
}

export async function loadCheckpointActions(
  store: ObjectStore,
  tableRoot: string,
  checkpoint: CheckpointCandidate,
  codec: ParquetCodec,
  options: { signal?: AbortSignal; onFileRead?: (done: number, total: number) => void; ranged?: RangedReads; withTombstones?: boolean } = {},
): Promise<CheckpointRead> {
  const columns = options.withTombstones ? [...snapshotColumns, 'remove'] : snapshotColumns;
  const files = checkpoint.files.map((f) => f.key);
  const parts = await Promise.all(
    checkpoint.files.map(async (meta, i) => {
      throwIfAborted(options.signal, 'loading the checkpoint');
      const name = meta.key.slice(meta.key.lastIndexOf('/') + 1);
      // Its size is known from the listing: a large checkpoint is read as parallel ranged reads.
      const bytes = await readObject(store, meta.key, meta.size, { signal: options.signal, ranged: options.ranged });
      const actions = name.endsWith('.json')
        ? parseActions(bytes, name)
        : toCheckpointActions(await readParquetRows(codec, bytes, name, columns), name);
      options.onFileRead?.(i + 1, checkpoint.files.length);
      return actions;
    }),
  );
  const actions = parts.flat();
  const sidecars = actions.flatMap((a) => ('sidecar' in a ? [a.sidecar] : []));
  // A V2 checkpoint may also carry a classic name (PROTOCOL.md "V2 Spec"): sidecars decide, not the name.
  if (sidecars.length > 0) {
    const sidecarActions = await Promise.all(
      sidecars.map(async (sidecar) => {
        throwIfAborted(options.signal, 'loading the checkpoint');
        const key = sidecarKey(tableRoot, toSidecarPath(sidecar.path));
        files.push(key);
        const bytes = await store.get(key, { signal: options.signal });
        return toCheckpointActions(await readParquetRows(codec, bytes, `_sidecars/${sidecar.path}`, columns), `_sidecars/${sidecar.path}`);
      }),
    );
    for (const sidecar of sidecarActions) for (const action of sidecar) actions.push(action);
  }
  return { actions, files };
}

async function readParquetRows(codec: ParquetCodec, bytes: Uint8Array, name: string, columns: string[]): Promise<Record<string, unknown>[]> {
  try {
    return await codec.readRows(bytes, { columns });
  } catch (error) {
    if (error instanceof LakeError && error.code !== 'Corrupt') throw error;
    throw new LakeError('Corrupt', `checkpoint ${name}: ${(error as Error).message}`, { cause: error });
  }
}

/** Sidecar paths are URI-encoded and relative to `_delta_log/_sidecars/` (absolute URIs are not read). */
function toSidecarPath(path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    throw new LakeError('Unsupported', `checkpoint sidecar "${path}" is an absolute URI; Lakelab reads sidecars inside _delta_log/_sidecars/ only`);
  }
  try {
    return decodeURIComponent(path);
  } catch (error) {
    throw new LakeError('Corrupt', `checkpoint sidecar path "${path}" is not valid URI encoding`, { cause: error });
  }
}
