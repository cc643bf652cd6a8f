import type { TableVersion } from '../../core/table.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { formatTimestamp } from '../shared/format.ts';
import { GrowthChart } from './GrowthChart.tsx';
import { TimeTravelControl } from './TimeTravelControl.tsx';
import { VirtualRows } from '../shared/VirtualRows.tsx';

/** Every version, newest first: when, what it did, who and why, and the format's own details (the terms name them). */
export function HistoryPanel() {
  const history = useExplorerState((s) => s.history);
  const selected = useExplorerState((s) => s.selectedVersion);
  const terms = useExplorerState((s) => s.terms);
  const actions = useExplorerActions();
  const word = terms.version === 'version' ? 'Version' : 'Snapshot';
  return (
    <section aria-labelledby="history-title" className="panel history-panel">
      <h2 id="history-title">History</h2>
      <TimeTravelControl />
      <LoadableView value={history} what="history">
        {(entries) => {
          const withAuthor = entries.some((e) => e.author !== null);
          const withMessage = entries.some((e) => e.message !== null);
          const details = terms.historyDetails.filter((d) => entries.some((e) => e.details[d.key] !== undefined && e.details[d.key] !== null));
          return (
            <>
              <GrowthChart entries={entries} word={terms.version} selected={selected} />
              <VirtualRows
                testId="history"
                rowCount={entries.length}
                height={320}
                header={[word, 'Timestamp', 'Operation', ...(withAuthor ? ['Author'] : []), ...(withMessage ? ['Message'] : []), ...details.map((d) => d.label)]}
                rowProps={(i) => ({ className: entries[i]?.version === selected ? 'selected' : '', 'aria-selected': entries[i]?.version === selected, 'data-version': entries[i]?.version })}
                renderRow={(i) => {
                  const entry = entries[i];
                  if (!entry) return [];
                  return [
                    <button key="v" type="button" className="link" onClick={() => void actions.selectVersion(entry.version)}>
                      {terms.version === 'version' ? 'v' : 's'}{entry.version}
                    </button>,
                    formatTimestamp(entry.timestamp),
                    <span key="o" className="params" title={operationsText(entry)}>{operationsText(entry)}</span>,
                    ...(withAuthor ? [entry.author ?? ''] : []),
                    ...(withMessage ? [<span key="m" className="params" title={entry.message ?? ''}>{entry.message ?? ''}</span>] : []),
                    ...details.map((d) => <span key={d.key} className="params" title={formatDetail(entry.details[d.key])}>{formatDetail(entry.details[d.key])}</span>),
                  ];
                }}
              />
            </>
          );
        }}
      </LoadableView>
    </section>
  );
}

function operationsText(entry: TableVersion): string {
  return entry.operations.length === 0 ? '—' : entry.operations.join('; ');
}

function formatDetail(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, v]) => `${key}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
  }
  return String(value);
}
