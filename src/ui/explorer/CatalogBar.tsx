import { useEffect, useState, type FormEvent } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { catalogTableOf } from '../state/tableSources.ts';

/**
 * For a catalog of tables (DuckLake): which table to read (the tables at the selected snapshot,
 * those that exist only at others with their snapshots, the views listed), and the data path its
 * files are read from, with a field to give another (a catalog written elsewhere).
 */
export function CatalogBar() {
  const catalog = useExplorerState((s) => s.catalog);
  const table = useExplorerState((s) => catalogTableOf(s.table));
  const actions = useExplorerActions();
  if (!catalog) return null;
  const objects = catalog.objects.status === 'ready' ? catalog.objects.value : null;
  const listed = new Set([...(objects?.tables.map((t) => t.name) ?? []), ...(objects?.elsewhere.map((t) => t.name) ?? [])]);
  return (
    <div className="catalog-bar" data-testid="catalog-bar">
      <label>
        Table{' '}
        <select value={table ?? ''} onChange={(e) => void actions.openCatalogTable(e.target.value)} data-testid="catalog-table">
          {table !== undefined && !listed.has(table) && <option value={table}>{table}</option>}
          {table === undefined && <option value="">(the catalog has no tables)</option>}
          {objects && objects.tables.length > 0 && (
            <optgroup label={`Tables at snapshot ${objects.version}`}>
              {objects.tables.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
            </optgroup>
          )}
          {objects && objects.elsewhere.length > 0 && (
            <optgroup label="At other snapshots (dropped, or created later)">
              {objects.elsewhere.map((t) => (
                <option key={`${t.name}@${t.from}`} value={t.name}>{t.name} (snapshots {t.from} to {t.until === null ? 'now' : t.until - 1})</option>
              ))}
            </optgroup>
          )}
          {objects && objects.views.length > 0 && (
            <optgroup label="Views (their SQL is in the Catalog view)">
              {objects.views.map((v) => <option key={v.name} value={v.name} disabled>{v.name} (view)</option>)}
            </optgroup>
          )}
        </select>
      </label>
      <DataPathForm written={catalog.dataPath.written} given={catalog.dataPath.given} />
    </div>
  );
}

function DataPathForm({ written, given }: { written: string | null; given?: string }) {
  const actions = useExplorerActions();
  const [text, setText] = useState(given ?? '');
  useEffect(() => setText(given ?? ''), [given]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void actions.setDataPath(text);
  }
  return (
    <form className="data-path" onSubmit={onSubmit}>
      <span className="small">
        Data path: <code data-testid="data-path-written">{written ?? 'none'}</code> (as the catalog has it){given !== undefined && <>; reading <code>{given}</code> instead</>}
      </span>
      <label className="small">
        Read data files from{' '}
        <input
          type="text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Tables/, a folder here, or an abfss:// or https:// address"
          data-testid="data-path-input"
        />
      </label>
      <button type="submit" data-testid="data-path-apply">Apply</button>
      {given !== undefined && <button type="button" onClick={() => void actions.setDataPath('')}>Use the catalog&apos;s</button>}
    </form>
  );
}
