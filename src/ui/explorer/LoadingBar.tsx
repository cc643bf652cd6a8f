import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';

/** While a table's log loads: what is happening, how far along, and a way to stop. */
export function LoadingBar() {
  const opening = useExplorerState((s) => s.latestVersion);
  const history = useExplorerState((s) => s.history);
  const historyProgress = useExplorerState((s) => s.historyProgress);
  const actions = useExplorerActions();
  const loading = opening.status === 'loading' ? opening : history.status === 'loading' ? history : historyProgress ? { progress: historyProgress } : undefined;
  if (!loading) return null;
  const progress = loading.progress;
  const label = opening.status === 'loading' ? 'Opening the table' : 'Reading the whole history';
  return (
    <div className="loading-bar" role="status" data-testid="loading-bar">
      <span>
        {label}
        {progress ? `: ${progress.phase} ${progress.done.toLocaleString('en')}${progress.total ? ` of ${progress.total.toLocaleString('en')}` : ''}` : '…'}
      </span>
      {progress?.total ? <progress max={progress.total} value={progress.done} /> : null}
      <button type="button" onClick={actions.cancelOpen}>Cancel</button>
    </div>
  );
}
