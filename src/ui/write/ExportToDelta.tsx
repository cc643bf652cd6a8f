import { useState, type FormEvent } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { ExportResultView } from './ExportResultView.tsx';
import { toExportTarget } from './exportTarget.ts';

/**
 * Export to Delta, for a DuckLake catalog's table: where (a folder where the catalog was opened
 * from, such as the table's folder under Tables/, or an address on the same account), the reader
 * version, incremental or full; preview the Delta log, then export, then open the Delta table.
 */
export function ExportToDelta() {
  const actions = useExplorerActions();
  const table = useExplorerState((s) => (s.table?.target.format === 'ducklake' ? s.table.target : undefined));
  const dataPath = useExplorerState((s) => s.catalog?.dataPath);
  const busy = useExplorerState((s) => s.deltaExport.status === 'loading');
  const suggested = table?.table ? toExportTarget(table.catalogKey, table.table, dataPath) : '';
  const [target, setTarget] = useState<string>();
  const [readerVersion, setReaderVersion] = useState<1 | 3>(3);
  const [mode, setMode] = useState<'incremental' | 'full'>('incremental');
  if (!table?.table) return null;
  const request = (dryRun: boolean) => ({ target: target ?? suggested, readerVersion, mode, dryRun });
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    void actions.exportToDelta(request(dryRun));
  };
  return (
    <section aria-labelledby="export-title" className="export-to-delta" data-testid="export-to-delta">
      <h3 id="export-title">Export {table.table} to Delta</h3>
      <p className="muted">
        One Delta commit per snapshot that changed the table, its Parquet files referenced in place (in a folder under the data
        path), deletes as deletion vectors, inlined rows written out; a re-run appends only the snapshots since.
      </p>
      <form onSubmit={submit(false)}>
        <label>
          Delta table (a folder where the catalog was opened from, or an address on the same account)
          <input type="text" value={target ?? suggested} onChange={(e) => setTarget(e.target.value)} data-testid="export-target" size={60} />
        </label>
        <label>
          Reader version
          <select value={readerVersion} onChange={(e) => setReaderVersion(Number(e.target.value) as 1 | 3)} data-testid="export-reader-version">
            <option value={3}>3: column mapping and deletion vectors, files in place</option>
            <option value={1}>1: files with deletes, renames or type changes rewritten</option>
          </select>
        </label>
        <fieldset>
          <legend>Snapshots</legend>
          <label><input type="radio" name="export-mode" checked={mode === 'incremental'} onChange={() => setMode('incremental')} /> incremental: those since the last export</label>
          <label><input type="radio" name="export-mode" checked={mode === 'full'} onChange={() => setMode('full')} data-testid="export-full" /> full: all, into an empty folder</label>
        </fieldset>
        <button type="button" onClick={() => submit(true)()} disabled={busy} data-testid="export-preview">Preview the Delta log</button>
        <button type="submit" disabled={busy} data-testid="export-run">Export</button>
      </form>
      <ExportResultView />
    </section>
  );
}
