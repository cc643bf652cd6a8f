import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatTimestamp } from '../shared/format.ts';
import { RowsGrid } from './RowsGrid.tsx';

/** The change data feed over the Diff view's versions (both included): rows with _change_type, _commit_version and _commit_timestamp. */
export function ChangeFeedView({ from, to }: { from: number; to: number }) {
  const changes = useExplorerState((s) => s.insights.changes);
  const actions = useExplorerActions();
  const [start, end] = from <= to ? [from, to] : [to, from];
  return (
    <div className="change-feed" data-testid="cdf">
      <h3>Change data feed</h3>
      <button type="button" onClick={() => void actions.loadChanges(start, end)} data-testid="cdf-load">
        Changes of versions {start} to {end}
      </button>
      <LoadableView value={changes} what="the change feed">
        {(c) => (
          <div>
            <ul className="muted" data-testid="cdf-versions">
              {c.versions.map((v) => (
                <li key={v.version}>
                  version {v.version} ({formatTimestamp(v.timestamp)}): {v.source === 'cdc' ? `${v.files} cdc file(s)` : `no cdc files, the rows its ${v.files} added and removed file(s) imply`}
                  {v.cdfEnabled ? '' : ' (change data feed off)'}
                </li>
              ))}
            </ul>
            <RowsGrid result={{ version: c.endVersion, columns: c.columns, rows: c.rows, truncated: c.truncated }} />
          </div>
        )}
      </LoadableView>
    </div>
  );
}
