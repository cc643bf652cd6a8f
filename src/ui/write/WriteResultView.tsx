import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { displayPath, formatCell } from '../shared/format.ts';

/** The plan's preview, the new version, or the conflict explained with a way to retry. */
export function WriteResultView() {
  const write = useExplorerState((s) => s.write);
  const actions = useExplorerActions();
  return (
    <div className="write-result" data-testid="write-result">
      <LoadableView value={write} what="the write">
        {(result) => {
          switch (result.status) {
            case 'planned':
              return (
                <div>
                  <p>
                    Planned against version <strong>{result.readVersion}</strong>: it read{' '}
                    {result.readWholeTable ? 'the whole table' : `${result.readFiles} file(s)${result.readPredicate ? ` where ${result.readPredicate}` : ''}`}.
                    {result.joinedIn && <> The source was joined with it in <span data-testid="write-joined-in">{result.joinedIn}</span>.</>}
                    {' '}Nothing is committed yet.
                  </p>
                  <Metrics metrics={result.metrics} />
                  {result.samples && result.samples.inserted.length > 0 && <SampleRows title="Sample of rows to insert" rows={result.samples.inserted} />}
                  {result.samples && result.samples.updated.length > 0 && <SampleRows title="Sample of updated rows" rows={result.samples.updated} />}
                  {result.samples && result.samples.deleted.length > 0 && <SampleRows title="Sample of deleted rows" rows={result.samples.deleted} />}
                  <button type="button" onClick={() => void actions.commitWrite()} data-testid="write-commit">Commit</button>
                </div>
              );
            case 'committed':
              return (
                <div role="status">
                  <p data-testid="write-committed">Committed version <strong>{result.version}</strong> (read version {result.readVersion}, {result.attempts} attempt{result.attempts > 1 ? 's' : ''}).</p>
                  <Metrics metrics={result.metrics} />
                </div>
              );
            case 'conflict':
              return (
                <div className="conflict" role="alert" data-testid="write-conflict">
                  <h3>{result.conflict.kind}: the commit lost a race</h3>
                  <pre className="delta-message">{result.message}</pre>
                  <p>{result.conflict.explanation}</p>
                  <p data-testid="write-advice">{result.advice}</p>
                  <p>
                    Winning commit: version {result.conflict.winningVersion}
                    {result.conflict.winningOperation ? ` (${result.conflict.winningOperation})` : ''}; isolation level {result.conflict.isolationLevel}.
                  </p>
                  {result.conflict.files.length > 0 && (
                    <details>
                      <summary>{result.conflict.files.length} file(s) involved</summary>
                      <ul>{result.conflict.files.map((f) => <li key={f}><code>{displayPath(f)}</code></li>)}</ul>
                    </details>
                  )}
                  <button type="button" onClick={() => void actions.recomputeAndRetry()} data-testid="write-retry">Recompute and retry at HEAD</button>
                </div>
              );
            case 'exhausted':
              return <p className="panel-error" role="alert">{result.message}: the table kept moving; try again.</p>;
          }
        }}
      </LoadableView>
    </div>
  );
}

function Metrics({ metrics }: { metrics: Record<string, unknown> }) {
  const entries = Object.entries(metrics).filter(([key]) => !key.endsWith('_ms'));
  return (
    <dl className="facts metrics" data-testid="write-metrics">
      {entries.map(([key, value]) => (
        <div key={key} className="metric" data-metric={key}><dt>{key}</dt><dd>{String(value)}</dd></div>
      ))}
    </dl>
  );
}

function SampleRows({ title, rows }: { title: string; rows: unknown[] }) {
  const records = rows as Record<string, unknown>[];
  const columns = Object.keys(records[0] ?? {});
  return (
    <details open>
      <summary>{title}</summary>
      <table className="grid">
        <thead><tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
        <tbody>{records.slice(0, 10).map((r, i) => <tr key={i}>{columns.map((c) => <td key={c}>{formatCell(r[c])}</td>)}</tr>)}</tbody>
      </table>
    </details>
  );
}
