import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatTimestamp } from '../shared/format.ts';
import { GrowthChart } from './GrowthChart.tsx';

export function HistoryPanel() {
  const history = useExplorerState((s) => s.history);
  const selected = useExplorerState((s) => s.selectedVersion);
  const actions = useExplorerActions();
  return (
    <section aria-labelledby="history-title" className="panel history-panel">
      <h2 id="history-title">History</h2>
      <LoadableView value={history} what="history">
        {(entries) => (
          <>
          <GrowthChart entries={entries} />
          <table className="grid" data-testid="history">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Timestamp</th>
                <th scope="col">Operation</th>
                <th scope="col">Parameters</th>
                <th scope="col">Read version</th>
                <th scope="col">Isolation</th>
                <th scope="col">Blind append</th>
                <th scope="col">Metrics</th>
                <th scope="col">Engine</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr
                  key={entry.version}
                  className={entry.version === selected ? 'selected' : ''}
                  aria-selected={entry.version === selected}
                  data-version={entry.version}
                >
                  <td>
                    <button type="button" className="link" onClick={() => void actions.selectVersion(entry.version)}>
                      v{entry.version}
                    </button>
                  </td>
                  <td>{formatTimestamp(entry.timestamp)}</td>
                  <td>{entry.commitInfo?.operation ?? '—'}</td>
                  <td className="params">{formatParameters(entry.commitInfo?.operationParameters)}</td>
                  <td>{entry.commitInfo?.readVersion ?? ''}</td>
                  <td>{entry.commitInfo?.isolationLevel ?? ''}</td>
                  <td>{entry.commitInfo?.isBlindAppend === undefined ? '' : String(entry.commitInfo.isBlindAppend)}</td>
                  <td className="params">{formatParameters(entry.commitInfo?.operationMetrics)}</td>
                  <td className="muted">{entry.commitInfo?.engineInfo ?? entry.commitInfo?.clientVersion ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </>
        )}
      </LoadableView>
    </section>
  );
}

function formatParameters(parameters: Record<string, unknown> | undefined): string {
  if (!parameters) return '';
  return Object.entries(parameters)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}
