/**
 * Where a live race runs: the in-memory store (the default), a local folder the user picked, or
 * a folder on Azure / OneLake. The last two keep the table the race leaves behind.
 */
import { LakeError } from '../core/errors.ts';
import type { ObjectStore } from '../core/objectStore.ts';
import { MemoryStore } from '../storage/memoryStore.ts';
import { LocalFolderStore } from '../storage/localFolderStore.ts';
import type { SourceSpec } from './protocol.ts';
import { openSourceStore } from './sourceStore.ts';

export type AzureLiveSource = Extract<SourceSpec, { kind: 'azure' }>;

export type LiveTarget =
  | { kind: 'memory' }
  | { kind: 'folder'; folder: FileSystemDirectoryHandle }
  | { kind: 'azure'; source: AzureLiveSource };

export function describeLiveTarget(target: LiveTarget): string {
  switch (target.kind) {
    case 'memory': return 'an in-memory store shared by the workers';
    case 'folder': return `the local folder ${target.folder.name}`;
    case 'azure': return `the Azure folder ${target.source.address}`;
  }
}

/** The race's store; a folder must not hold a table yet (the race creates its own, and loses nothing that is there). */
export async function openLiveStore(target: LiveTarget): Promise<ObjectStore> {
  if (target.kind === 'memory') return new MemoryStore({ description: 'live shared store' });
  const store = target.kind === 'folder' ? new LocalFolderStore(target.folder) : await openSourceStore(target.source);
  for await (const page of store.list('_delta_log/')) {
    if (page.objects.length > 0) {
      throw new LakeError('InvalidInput', `${describeLiveTarget(target)} already holds a Delta table (its _delta_log is not empty): choose an empty folder, where the race creates its own table`);
    }
  }
  return store;
}
