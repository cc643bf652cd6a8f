import { useState } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { RowsGrid } from './RowsGrid.tsx';
import { saveFile } from '../shared/saveFile.ts';
import { sqlNameOf } from '../state/sqlActions.ts';
import { SqlFailureView } from './SqlFailureView.tsx';

/** SQL over the table at the selected version, in duckdb-wasm; results in the same grid, exportable. */
export function SqlEditor() {
  const actions = useExplorerActions();
  const result = useExplorerState((s) => s.sql);
  const name = useExplorerState((s) => sqlNameOf(s.table));
  const word = useExplorerState((s) => s.terms.version);
  const [sql, setSql] = useState(`SELECT * FROM ${name} LIMIT 100`);
  async function download(format: 'csv' | 'parquet') {
    const blob = await actions.exportResult(format);
    if (blob) saveFile(`${name}.${format}`, blob);
  }
  return (
    <div className="sql-editor">
      <h3>SQL</h3>
      <p className="muted small">The table is <code>{name}</code> at the selected {word}, and <code>{name}@v3</code> at {word} 3 (duckdb-wasm, in a worker; the first query starts it).</p>
      <textarea
        aria-label="SQL query"
        data-testid="sql-input"
        value={sql}
        rows={4}
        onChange={(e) => setSql(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void actions.runSql(sql);
        }}
      />
      <div className="buttons">
        <button type="button" onClick={() => void actions.runSql(sql)} data-testid="sql-run">Run (Ctrl+Enter)</button>
        <button type="button" onClick={() => void download('csv')} disabled={result.status !== 'ready'}>Export CSV</button>
        <button type="button" onClick={() => void download('parquet')} disabled={result.status !== 'ready'}>Export Parquet</button>
      </div>
      {result.status === 'error' ? (
        <SqlFailureView failure={result} />
      ) : (
        <LoadableView value={result} what="the query">
          {(r) => (
            <div data-testid="sql-result">
              <p className="muted small" data-testid="sql-version">Computed at {word} {r.version}</p>
              <RowsGrid result={r} />
            </div>
          )}
        </LoadableView>
      )}
    </div>
  );
}
