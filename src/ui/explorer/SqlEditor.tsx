import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditorView } from '@codemirror/view';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { RowsGrid } from './RowsGrid.tsx';
import { saveFile } from '../shared/saveFile.ts';
import { sqlNameOf } from '../state/sqlActions.ts';
import { SqlFailureView } from './SqlFailureView.tsx';

type Loaded = typeof import('./sqlCodeMirror.ts');
let codeMirror: Promise<Loaded> | undefined;

/** SQL over the table at the selected version, in duckdb-wasm; results in the same grid, exportable. */
export function SqlEditor() {
  const actions = useExplorerActions();
  const result = useExplorerState((s) => s.sql);
  const name = useExplorerState((s) => sqlNameOf(s.table));
  const word = useExplorerState((s) => s.terms.version);
  const snapshot = useExplorerState((s) => s.snapshot);
  const history = useExplorerState((s) => s.history);
  const columns = useMemo(() => (snapshot.status === 'ready' ? snapshot.value.schema.columns.map((c) => c.name) : []), [snapshot]);
  const versions = useMemo(() => (history.status === 'ready' ? history.value.map((v) => v.version) : []), [history]);
  const [sql, setSql] = useState(`SELECT * FROM ${name} LIMIT 100`);
  const sqlRef = useRef(sql);
  sqlRef.current = sql;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>(null);
  const [editorReady, setEditorReady] = useState(false);
  const run = () => void actions.runSql(sqlRef.current);
  const completionKey = `${name}|${columns.join(',')}|${versions.length}`;

  const completion = useRef({ name, columns, versions });
  completion.current = { name, columns, versions };
  useEffect(() => {
    let disposed = false;
    codeMirror ??= import('./sqlCodeMirror.ts');
    void codeMirror.then((m) => {
      if (disposed || !host.current) return;
      const { name: table, columns: names, versions: known } = completion.current;
      view.current = m.createSqlEditor({ parent: host.current, doc: sqlRef.current, table, columns: names, versions: known, onChange: setSql, onRun: run });
      setEditorReady(true);
    });
    return () => {
      disposed = true;
      view.current?.destroy();
      view.current = null;
    };
  }, []);
  useEffect(() => {
    const current = view.current;
    if (current && codeMirror) void codeMirror.then((m) => m.setSqlCompletion(current, name, columns, versions));
  }, [completionKey]);

  async function download(format: 'csv' | 'parquet') {
    const blob = await actions.exportResult(format);
    if (blob) saveFile(`${name}.${format}`, blob);
  }
  return (
    <div className="sql-editor">
      <h3>SQL</h3>
      <p className="muted small">The table is <code>{name}</code> at the selected {word}, and <code>{name}@v3</code> at {word} 3 (duckdb-wasm, in a worker; the first query starts it).</p>
      <div ref={host} className="sql-code" />
      {!editorReady && (
        <textarea
          aria-label="SQL query"
          data-testid="sql-input"
          value={sql}
          rows={4}
          onChange={(e) => setSql(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run();
          }}
        />
      )}
      <div className="buttons">
        <button type="button" onClick={run} data-testid="sql-run">Run (Ctrl+Enter)</button>
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
