import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatBytes, formatTimestamp } from '../shared/format.ts';
import { RowsGrid } from './RowsGrid.tsx';
import { SqlEditor } from './SqlEditor.tsx';
import { catalogTableOf } from '../state/tableSources.ts';

export function DataPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const rows = useExplorerState((s) => s.rows);
  const version = useExplorerState((s) => s.selectedVersion);
  const word = useExplorerState((s) => s.terms.version);
  const sqlKey = useExplorerState((s) => `${s.table?.label}:${catalogTableOf(s.table) ?? ''}`);
  return (
    <section aria-labelledby="data-title" className="panel data-panel">
      <h2 id="data-title">
        Data {version !== undefined && <span data-testid="selected-version">at {word} {version}</span>}
      </h2>
      <LoadableView value={snapshot} what={word}>
        {(s) => (
          <p className="summary" data-testid="snapshot-summary">
            {formatTimestamp(s.timestamp)} · {s.files} files · {formatBytes(s.bytes)}
            {s.rows !== null && ` · ${s.rows} rows`} · {s.protocol.summary}
          </p>
        )}
      </LoadableView>
      <LoadableView value={rows} what="rows">
        {(result) => <RowsGrid result={result} />}
      </LoadableView>
      <SqlEditor key={sqlKey} />
    </section>
  );
}
