import type React from 'react';
import { useState, type FormEvent } from 'react';
import { useExplorerActions } from '../shared/ExplorerContext.tsx';
import { findCatalogFiles, findTableRoots, urlTable } from '../state/tableSources.ts';
import type { OpenTable } from '../state/explorerStore.ts';
import { canPickDirectory, droppedDirectory, findFolderTables, pickDirectory } from './folderTables.ts';

/** Open a table or catalog by URL, or from a local folder picked with <input webkitdirectory>. */
export function OpenControls() {
  const actions = useExplorerActions();
  const [url, setUrl] = useState('');
  const [tables, setTables] = useState<OpenTable[]>([]);
  const [folderError, setFolderError] = useState<string>();

  function onSubmitUrl(event: FormEvent) {
    event.preventDefault();
    if (url.trim()) void actions.openTable(urlTable(url.trim()));
  }

  async function openDirectory(handle: FileSystemDirectoryHandle) {
    setFolderError(undefined);
    try {
      const found = await findFolderTables(handle);
      if (found.length === 0) {
        setFolderError(`No Delta table or DuckLake catalog in ${handle.name}: none of its folders has a _delta_log folder, and no file is a catalog (.ducklake, .db, .sqlite).`);
        return;
      }
      setTables(found);
      if (found.length === 1 && found[0]) void actions.openTable(found[0]);
    } catch (error) {
      setFolderError(error instanceof Error ? error.message : String(error));
    }
  }

  async function onDrop(event: React.DragEvent) {
    event.preventDefault();
    const handle = await droppedDirectory(event.dataTransfer.items);
    if (handle) await openDirectory(handle);
    else setFolderError('Drop a folder (this browser did not hand over a folder).');
  }

  async function onPickFolder(files: FileList | null) {
    setFolderError(undefined);
    if (!files || files.length === 0) return;
    const list = [...files];
    const paths = list.map((f) => f.webkitRelativePath || f.name);
    const roots = findTableRoots(paths);
    const catalogs = findCatalogFiles(paths);
    if (roots.length === 0 && catalogs.length === 0) {
      setFolderError('No Delta table or DuckLake catalog here: none of the picked folders has a _delta_log folder, and no file is a catalog (.ducklake, .db, .sqlite).');
      return;
    }
    const entries = await Promise.all(
      list.map(async (file, i) => ({ key: paths[i] ?? file.name, bytes: await file.arrayBuffer(), lastModified: file.lastModified })),
    );
    const folderName = paths[0]?.split('/')[0] ?? 'folder';
    const spec = { kind: 'files' as const, entries };
    const opened: OpenTable[] = [
      ...roots.map((root): OpenTable => ({ label: `${folderName}: ${root || '(the folder itself)'}`, link: {}, spec, target: { format: 'delta', root } })),
      ...catalogs.map((key): OpenTable => ({ label: `${folderName}: ${key}`, link: {}, spec, target: { format: 'ducklake', catalogKey: key } })),
    ];
    setTables(opened);
    if (opened.length === 1 && opened[0]) void actions.openTable(opened[0]);
  }

  return (
    <div className="open-controls">
      <form onSubmit={onSubmitUrl} className="open-url">
        <label htmlFor="table-url">Table URL</label>
        <input
          id="table-url"
          type="url"
          placeholder="https://host/path/to/table or .../catalog.ducklake"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button type="submit">Open</button>
      </form>
      <div className="open-folder" onDragOver={(e) => e.preventDefault()} onDrop={(e) => void onDrop(e)}>
        <label htmlFor="folder-input">Local folder</label>
        {canPickDirectory() && (
          <button type="button" onClick={() => void pickDirectory().then(openDirectory, () => undefined)}>
            Pick a folder (read and write)
          </button>
        )}
        <p className="muted small">or choose its files (a copy: writes stay in this page), or drop a folder here</p>
        <input
          id="folder-input"
          data-testid="folder-input"
          type="file"
          // @ts-expect-error webkitdirectory is not in React's input attributes
          webkitdirectory=""
          multiple
          onChange={(e) => void onPickFolder(e.target.files)}
        />
      </div>
      {folderError && <p className="panel-error" role="alert">{folderError}</p>}
      {tables.length > 1 && (
        <ul className="table-choices" aria-label="Tables and catalogs in the folder">
          {tables.map((table) => (
            <li key={table.label}>
              <button type="button" onClick={() => void actions.openTable(table)}>
                {table.target.format === 'delta' ? `▦ ${table.target.root || '(the folder itself)'}` : `🦆 ${table.target.catalogKey}`}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
