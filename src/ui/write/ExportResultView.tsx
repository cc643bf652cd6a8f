import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';

const commitName = (version: number) => `${String(version).padStart(20, '0')}.json`;

/** The Delta log previewed, or the export's outcome: the versions written for which snapshots, a drop, files left outside; then open it. */
export function ExportResultView() {
  const deltaExport = useExplorerState((s) => s.deltaExport);
  const actions = useExplorerActions();
  return (
    <div className="export-result" data-testid="export-result">
      <LoadableView value={deltaExport} what="the export">
        {(result) => (
          <div role="status">
            {result.status === 'planned' && <p data-testid="export-planned">The export would write {result.commits.length} commit(s){result.previousSnapshot !== undefined ? ` after snapshot ${result.previousSnapshot}, which the Delta table holds` : ''}. Nothing is written yet.</p>}
            {result.status === 'exported' && <p data-testid="export-done">Exported {result.commits.length} snapshot(s) of {result.table} as Delta versions {result.commits[0]?.version} to {result.commits.at(-1)?.version}{result.previousSnapshot !== undefined ? `, after snapshot ${result.previousSnapshot}` : ''}.</p>}
            {result.status === 'up-to-date' && <p data-testid="export-up-to-date">The Delta table already holds snapshot {result.previousSnapshot}: nothing to export.</p>}
            {result.status === 'conflict' && <p className="panel-error" role="alert">{result.message}</p>}
            {result.dropped && <p className="notice" data-testid="export-dropped">{result.table} was dropped at snapshot {result.dropped.snapshotId}: the Delta table holds it as of snapshot {result.dropped.lastSnapshot}. Remove it from the lakehouse, or keep it knowingly.</p>}
            {result.outsideFiles > 0 && <p className="notice">{result.outsideFiles} data file(s) lie outside the Delta table&apos;s folder and are referenced by absolute URI, which Fabric does not follow: export into the table&apos;s own folder under the data path.</p>}
            {result.status !== 'planned' && result.status !== 'conflict' && (
              <button type="button" onClick={() => void actions.openExportedTable()} data-testid="export-open">Open the Delta table</button>
            )}
            <ol className="export-commits" data-testid="export-commits">
              {result.commits.map((commit) => (
                <li key={commit.version} data-version={commit.version}>
                  <strong>_delta_log/{commitName(commit.version)}</strong> (snapshot {commit.snapshotId}{commit.writtenFiles > 0 ? `, ${commit.writtenFiles} file(s) written` : ''})
                  {result.status === 'planned' && <pre className="export-log" data-testid="export-log">{commit.actions.map((a) => JSON.stringify(a)).join('\n')}</pre>}
                </li>
              ))}
            </ol>
          </div>
        )}
      </LoadableView>
    </div>
  );
}
