import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatBytes, formatTimestamp } from '../shared/format.ts';
import { RowsGrid } from './RowsGrid.tsx';
import { SqlEditor } from './SqlEditor.tsx';

export function DataPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const rows = useExplorerState((s) => s.rows);
  const version = useExplorerState((s) => s.selectedVersion);
  const tableLabel = useExplorerState((s) => s.table?.label);
  return (
    <section aria-labelledby="data-title" className="panel data-panel">
      <h2 id="data-title">
        Data {version !== undefined && <span data-testid="selected-version">at version {version}</span>}
      </h2>
      <LoadableView value={snapshot} what="snapshot">
        {(s) => (
          <p className="summary" data-testid="snapshot-summary">
            {formatTimestamp(s.timestamp)} · {s.numFiles} files · {formatBytes(s.sizeInBytes)}
            {s.numRecords !== null && ` · ${s.numRecords} rows`} · reader v{s.protocol.minReaderVersion} / writer v
            {s.protocol.minWriterVersion}
          </p>
        )}
      </LoadableView>
      <LoadableView value={rows} what="rows">
        {(result) => <RowsGrid result={result} />}
      </LoadableView>
      <SqlEditor key={tableLabel} />
    </section>
  );
}
