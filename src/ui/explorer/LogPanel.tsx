import { useEffect, useState } from 'react';
import { actionsPerPage, describeActionCounts } from './commitActions.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';

/**
 * The selected version's commit as written, one entry per block (a page at a time: a commit
 * can hold 100,000 adds): Delta's JSON actions, DuckLake's catalog rows; and how the version
 * was read.
 */
export function LogPanel() {
  const log = useExplorerState((s) => s.commitLog);
  const snapshot = useExplorerState((s) => s.snapshot);
  const version = useExplorerState((s) => s.selectedVersion);
  const noun = useExplorerState((s) => s.terms.commitEntry);
  const actions = useExplorerActions();
  const [shown, setShown] = useState(actionsPerPage);
  useEffect(() => {
    setShown(actionsPerPage);
    if (version !== undefined) void actions.loadCommitLog(version);
  }, [version, actions]);
  return (
    <section aria-labelledby="log-title" className="panel">
      <h2 id="log-title">Log</h2>
      {snapshot.status === 'ready' && <p className="muted" data-testid="log-segment">{snapshot.value.readFrom}</p>}
      <LoadableView value={log} what="commit">
        {(commit) => (
          <div className="log-actions" data-testid="log">
            <p className="muted"><code>{commit.key}</code> · <span data-testid="log-counts">{describeActionCounts(commit.actions, noun)}</span></p>
            {commit.actions.slice(0, shown).map((action, i) => {
              const type = Object.keys(action)[0] ?? 'unknown';
              return (
                <div key={i} className={`log-action action-${type}`}>
                  <span className="action-type">{type}</span>
                  <pre>{JSON.stringify(action[type], null, 2)}</pre>
                </div>
              );
            })}
            {commit.actions.length > shown && (
              <button type="button" data-testid="log-more" onClick={() => setShown(shown + actionsPerPage * 5)}>
                Show {Math.min(actionsPerPage * 5, commit.actions.length - shown).toLocaleString('en-US')} more ({(commit.actions.length - shown).toLocaleString('en-US')} not shown)
              </button>
            )}
          </div>
        )}
      </LoadableView>
    </section>
  );
}
