import type React from 'react';
import { useState, type FormEvent } from 'react';
import { useExplorerActions } from '../shared/ExplorerContext.tsx';
import { findTableRoots, urlTable } from '../state/tableSources.ts';
import type { OpenTable } from '../state/explorerStore.ts';
import { canPickDirectory, droppedDirectory, findFolderTables, pickDirectory } from './folderTables.ts';

/** Open a table by URL, or from a local folder picked with <input webkitdirectory>. */
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
        setFolderError(`No Delta table in ${handle.name}: none of its folders has a _delta_log folder.`);
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
    if (roots.length === 0) {
      setFolderError('No Delta table here: none of the picked folders has a _delta_log folder.');
      return;
    }
    const entries = await Promise.all(
      list.map(async (file, i) => ({ key: paths[i] ?? file.name, bytes: await file.arrayBuffer(), lastModified: file.lastModified })),
    );
    const folderName = paths[0]?.split('/')[0] ?? 'folder';
    const opened = roots.map((root) => ({
      label: `${folderName}: ${root || '(the folder itself)'}`,
      link: {},
      spec: { kind: 'files' as const, entries },
      tableRoot: root,
    }));
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
          placeholder="https://host/path/to/table"
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
        <ul className="table-choices" aria-label="Tables in the folder">
          {tables.map((table) => (
            <li key={table.tableRoot}>
              <button type="button" onClick={() => void actions.openTable(table)}>{table.tableRoot}</button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
