/** Tables in a folder the user picked or dropped: every sub-folder holding a _delta_log, and every DuckLake catalog file. */
import { listAll } from '../../core/objectStore.ts';
import { LocalFolderStore } from '../../storage/localFolderStore.ts';
import { findCatalogFiles, findTableRoots } from '../state/tableSources.ts';
import type { OpenTable } from '../state/explorerStore.ts';

export async function findFolderTables(handle: FileSystemDirectoryHandle): Promise<OpenTable[]> {
  const keys = (await listAll(new LocalFolderStore(handle), '')).map((o) => o.key);
  const spec = { kind: 'directory' as const, handle };
  return [
    ...findTableRoots(keys).map((root): OpenTable => ({ label: `${handle.name}/${root}`, link: {}, spec, target: { format: 'delta', root } })),
    ...findCatalogFiles(keys).map((key): OpenTable => ({ label: `${handle.name}/${key}`, link: {}, spec, target: { format: 'ducklake', catalogKey: key } })),
  ];
}

type PickerWindow = Window & { showDirectoryPicker?: (options?: { mode?: 'read' | 'readwrite' }) => Promise<FileSystemDirectoryHandle> };

export function canPickDirectory(): boolean {
  return typeof (window as PickerWindow).showDirectoryPicker === 'function';
}

export function pickDirectory(): Promise<FileSystemDirectoryHandle> {
  return (window as PickerWindow).showDirectoryPicker!({ mode: 'readwrite' });
}

/** A folder dropped on the page, where the browser hands out its handle (Chromium). */
export async function droppedDirectory(items: DataTransferItemList): Promise<FileSystemDirectoryHandle | undefined> {
  for (const item of [...items]) {
    const getHandle = (item as DataTransferItem & { getAsFileSystemHandle?: () => Promise<FileSystemHandle | null> }).getAsFileSystemHandle;
    if (item.kind !== 'file' || !getHandle) continue;
    const handle = await getHandle.call(item);
    if (handle?.kind === 'directory') return handle as FileSystemDirectoryHandle;
  }
  return undefined;
}
