import { useEffect, useState } from 'react';
import type { FilesPage } from '../../workers/protocol.ts';
import { toFileSizeHistogram, smallFileThreshold } from '../../core/analysis/fileSizeHistogram.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { displayPath, formatBytes, formatCell } from '../shared/format.ts';
import { VirtualRows } from '../shared/VirtualRows.tsx';

export function FilesPanel() {
  const files = useExplorerState((s) => s.files);
  const version = useExplorerState((s) => s.selectedVersion);
  const actions = useExplorerActions();
  useEffect(() => {
    if (version !== undefined) void actions.loadFiles(version);
  }, [version, actions]);
  return (
    <section aria-labelledby="files-title" className="panel">
      <h2 id="files-title">Files</h2>
      <LoadableView value={files} what="files">
        {(page) => <FilesView page={page} />}
      </LoadableView>
    </section>
  );
}

function FilesView({ page }: { page: FilesPage }) {
  const [selected, setSelected] = useState<string>();
  const small = page.sizes.filter((s) => s < smallFileThreshold).length;
  const file = page.files.find((f) => f.path === selected);
  return (
    <div className="files-view">
      <p className="summary" data-testid="files-summary">
        {page.total} active files · {formatBytes(page.sizes.reduce((a, b) => a + b, 0))} · {small} smaller than{' '}
        {formatBytes(smallFileThreshold)}
      </p>
      <SizeHistogram sizes={page.sizes} />
      {page.partitions.length > 0 && (
        <details>
          <summary>{page.partitions.length} partitions</summary>
          <table className="grid">
            <thead>
              <tr><th scope="col">Partition</th><th scope="col">Files</th><th scope="col">Bytes</th><th scope="col">Rows</th></tr>
            </thead>
            <tbody>
              {page.partitions.map((p) => (
                <tr key={JSON.stringify(p.values)}>
                  <td>{Object.entries(p.values).map(([k, v]) => `${k}=${v ?? 'null'}`).join('/')}</td>
                  <td>{p.files}</td>
                  <td>{formatBytes(p.bytes)}</td>
                  <td>{p.rows ?? '?'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <CommitChanges />
      <VirtualRows
        rowCount={page.files.length}
        header={['Path', 'Size', 'Rows', 'Deleted', 'Partition']}
        renderRow={(i) => {
          const f = page.files[i];
          if (!f) return [];
          return [
            <button key="p" type="button" className="link" onClick={() => setSelected(f.path)}>{displayPath(f.path)}</button>,
            formatBytes(f.size),
            f.numRecords ?? '?',
            f.deletedRows ?? '',
            Object.entries(f.partitionValues).map(([k, v]) => `${k}=${v ?? 'null'}`).join('/'),
          ];
        }}
        testId="files"
      />
      {page.total > page.files.length && <p className="muted">Showing the first {page.files.length} of {page.total} files.</p>}
      {file && (
        <div className="file-stats" data-testid="file-stats">
          <h3>{displayPath(file.path)}</h3>
          <table className="grid">
            <thead><tr><th scope="col">Column</th><th scope="col">Min</th><th scope="col">Max</th><th scope="col">Nulls</th></tr></thead>
            <tbody>
              {Object.keys({ ...file.minValues, ...file.maxValues, ...file.nullCount }).map((column) => (
                <tr key={column}>
                  <td>{column}</td>
                  <td>{formatCell(file.minValues?.[column])}</td>
                  <td>{formatCell(file.maxValues?.[column])}</td>
                  <td>{formatCell(file.nullCount?.[column])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** What the selected version's own commit added and removed. */
/** A commit can add 100,000 files: the list names the first ones of each kind. */
const changesListedUpTo = 500;

function CommitChanges() {
  const version = useExplorerState((s) => s.selectedVersion);
  const log = useExplorerState((s) => s.commitLog);
  const actions = useExplorerActions();
  useEffect(() => {
    if (version !== undefined) void actions.loadCommitLog(version);
  }, [version, actions]);
  if (log.status !== 'ready' || log.value.version !== version) return null;
  const added = log.value.actions.flatMap((a) => ('add' in a ? [a.add as { path: string; size: number }] : []));
  const removed = log.value.actions.flatMap((a) => ('remove' in a ? [a.remove as { path: string; dataChange?: boolean }] : []));
  return (
    <details className="commit-changes" data-testid="commit-changes">
      <summary>Version {version} added {added.length} file(s) and removed {removed.length}</summary>
      <ul>
        {added.slice(0, changesListedUpTo).map((f) => <li key={`a${f.path}`} className="added">+ {displayPath(f.path)} ({formatBytes(f.size)})</li>)}
        {added.length > changesListedUpTo && <li className="muted">… and {added.length - changesListedUpTo} more added (the Log view has them all)</li>}
        {removed.slice(0, changesListedUpTo).map((f) => <li key={`r${f.path}`} className="removed">− {displayPath(f.path)}{f.dataChange === false ? ' (rearranged, no data change)' : ''}</li>)}
        {removed.length > changesListedUpTo && <li className="muted">… and {removed.length - changesListedUpTo} more removed (the Log view has them all)</li>}
      </ul>
    </details>
  );
}

function SizeHistogram({ sizes }: { sizes: number[] }) {
  const buckets = toFileSizeHistogram(sizes);
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <figure className="histogram" aria-label="File sizes">
      {buckets.map((b) => (
        <div key={b.from} className="bar-row" title={`${b.count} files of ${formatBytes(b.from)}–${formatBytes(b.to)}`}>
          <span className="bar-label">{formatBytes(b.from)}</span>
          <span className="bar" style={{ width: `${(b.count / max) * 100}%` }} />
          <span className="bar-count">{b.count}</span>
        </div>
      ))}
    </figure>
  );
}
