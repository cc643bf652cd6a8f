import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatTimestamp } from '../shared/format.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { VirtualRows } from '../shared/VirtualRows.tsx';

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
          <VirtualRows
            testId="history"
            rowCount={entries.length}
            height={320}
            header={['Version', 'Timestamp', 'Operation', 'Parameters', 'Read version', 'Isolation', 'Blind append', 'Metrics', 'Engine']}
            rowProps={(i) => ({ className: entries[i]?.version === selected ? 'selected' : '', 'aria-selected': entries[i]?.version === selected, 'data-version': entries[i]?.version })}
            renderRow={(i) => {
              const entry = entries[i];
              if (!entry) return [];
              const info = entry.commitInfo;
              return [
                <button key="v" type="button" className="link" onClick={() => void actions.selectVersion(entry.version)}>v{entry.version}</button>,
                formatTimestamp(entry.timestamp),
                info?.operation ?? '—',
                <span key="p" className="params" title={formatParameters(info?.operationParameters)}>{formatParameters(info?.operationParameters)}</span>,
                info?.readVersion ?? '',
                info?.isolationLevel ?? '',
                info?.isBlindAppend === undefined ? '' : String(info.isBlindAppend),
                <span key="m" className="params" title={formatParameters(info?.operationMetrics)}>{formatParameters(info?.operationMetrics)}</span>,
                <span key="e" className="muted">{info?.engineInfo ?? info?.clientVersion ?? ''}</span>,
              ];
            }}
          />
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
