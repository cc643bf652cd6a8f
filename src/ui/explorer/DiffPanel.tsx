import { useState } from 'react';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { RowsGrid } from './RowsGrid.tsx';
import { ChangeFeedView } from './ChangeFeedView.tsx';

/** Rows added and removed between two versions: counts from the files first, rows on demand. */
export function DiffPanel() {
  const latest = useExplorerState((s) => (s.latestVersion.status === 'ready' ? s.latestVersion.value : 0));
  const selected = useExplorerState((s) => s.selectedVersion ?? 0);
  const diff = useExplorerState((s) => s.diff);
  const rows = useExplorerState((s) => s.diffRows);
  const terms = useExplorerState((s) => s.terms);
  const actions = useExplorerActions();
  const [from, setFrom] = useState(Math.max(0, selected - 1));
  const [to, setTo] = useState(selected);
  const versions = Array.from({ length: latest + 1 }, (_, v) => latest - v);
  const pick = (value: number, set: (v: number) => void, label: string, testId: string) => (
    <label>{label}{' '}
      <select value={value} onChange={(e) => set(Number(e.target.value))} data-testid={testId}>
        {versions.map((v) => <option key={v} value={v}>{terms.version} {v}</option>)}
      </select>
    </label>
  );
  return (
    <section aria-labelledby="diff-title" className="panel">
      <h2 id="diff-title">Diff</h2>
      <div className="diff-controls">
        {pick(from, setFrom, 'From', 'diff-from')}
        {pick(to, setTo, 'to', 'diff-to')}
        <button type="button" onClick={() => void actions.compareVersions(from, to)}>Compare</button>
      </div>
      <LoadableView value={diff} what="the diff">
        {(d) => (
          <div data-testid="diff-summary">
            <p>
              From {terms.version} {d.fromVersion} to {d.toVersion}: <strong className="removed">{d.rowsRemoved ?? '?'} rows removed</strong> and{' '}
              <strong className="added">{d.rowsAdded ?? '?'} rows added</strong> by the files ({d.removedFiles} file(s) removed, {d.addedFiles} added,{' '}
              {d.changedDeletes} with a new {terms.deletes}). Rows rewritten unchanged count on both sides here.
            </p>
            <button type="button" onClick={() => void actions.loadDiffRows(d.fromVersion, d.toVersion)}>Show the rows</button>
          </div>
        )}
      </LoadableView>
      <LoadableView value={rows} what="the changed rows">
        {(r) => (
          <div className="diff-rows">
            <h3 className="removed" data-testid="diff-removed-count">{r.removedCount} rows removed</h3>
            <RowsGrid result={{ version: 0, columns: r.removedColumns, rows: r.removed, truncated: r.removed.length < r.removedCount }} />
            <h3 className="added" data-testid="diff-added-count">{r.addedCount} rows added</h3>
            <RowsGrid result={{ version: 0, columns: r.addedColumns, rows: r.added, truncated: r.added.length < r.addedCount }} />
          </div>
        )}
      </LoadableView>
      <ChangeFeedView from={from} to={to} />
    </section>
  );
}
