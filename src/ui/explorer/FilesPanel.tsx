import { useEffect, useState } from 'react';
import type { TableFilesPage } from '../../core/table.ts';
import { toFileSizeHistogram, smallFileThreshold } from '../../core/analysis/fileSizeHistogram.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { displayPath, formatBytes, formatTimestamp } from '../shared/format.ts';
import { VirtualRows } from '../shared/VirtualRows.tsx';
import { VersionFilesList } from './VersionFilesList.tsx';

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

const partitionText = (values: Record<string, string | null>) => Object.entries(values).map(([k, v]) => `${k}=${v ?? 'null'}`).join('/');

function FilesView({ page }: { page: TableFilesPage }) {
  const [selected, setSelected] = useState<string>();
  const small = page.sizes.filter((s) => s < smallFileThreshold).length;
  const file = page.files.find((f) => f.path === selected);
  const withDeletes = page.files.some((f) => f.deletes);
  const withAdded = page.files.some((f) => f.addedIn !== undefined);
  const withValueCounts = file?.stats.some((s) => s.valueCount !== null);
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
          <table className="grid" data-testid="partitions">
            <thead>
              <tr><th scope="col">Partition</th><th scope="col">Files</th><th scope="col">Bytes</th><th scope="col">Rows</th></tr>
            </thead>
            <tbody>
              {page.partitions.map((p) => (
                <tr key={JSON.stringify(p.values)}>
                  <td>{partitionText(p.values)}</td>
                  <td>{p.files}</td>
                  <td>{formatBytes(p.bytes)}</td>
                  <td>{p.rows ?? '?'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <VersionFilesList />
      <VirtualRows
        rowCount={page.files.length}
        header={['Path', 'Size', 'Rows', 'Deleted', 'Partition', ...(withDeletes ? ['Deletes'] : []), ...(withAdded ? ['Added in'] : [])]}
        renderRow={(i) => {
          const f = page.files[i];
          if (!f) return [];
          return [
            <button key="p" type="button" className="link" onClick={() => setSelected(f.path)}>{displayPath(f.path)}</button>,
            formatBytes(f.size),
            f.records ?? '?',
            f.deletedRecords ?? '',
            partitionText(f.partitionValues),
            ...(withDeletes ? [f.deletes ? `${displayPath(f.deletes.path)} (${f.deletes.records ?? '?'} rows${f.deletes.size !== null ? `, ${formatBytes(f.deletes.size)}` : ''})` : ''] : []),
            ...(withAdded ? [f.addedIn ?? ''] : []),
          ];
        }}
        testId="files"
      />
      {page.total > page.files.length && <p className="muted">Showing the first {page.files.length} of {page.total} files.</p>}
      {file && (
        <div className="file-stats" data-testid="file-stats">
          <h3>{displayPath(file.path)}</h3>
          <table className="grid">
            <thead>
              <tr><th scope="col">Column</th><th scope="col">Min</th><th scope="col">Max</th><th scope="col">Nulls</th>{withValueCounts && <th scope="col">Values</th>}</tr>
            </thead>
            <tbody>
              {file.stats.map((s) => (
                <tr key={s.column}>
                  <td>{s.column}</td>
                  <td>{s.min ?? 'null'}</td>
                  <td>{s.max ?? 'null'}</td>
                  <td>{s.nullCount ?? 'null'}</td>
                  {withValueCounts && <td>{s.valueCount ?? ''}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.inlined.length > 0 && (
        <div data-testid="inlined">
          <h3>Inlined data (rows kept in the catalog)</h3>
          <ul>{page.inlined.map((t) => <li key={t.name}><code>{t.name}</code>: {t.rows} rows visible here</li>)}</ul>
        </div>
      )}
      {page.scheduledForDeletion.length > 0 && (
        <details data-testid="scheduled-for-deletion">
          <summary>{page.scheduledForDeletion.length} file(s) scheduled for deletion</summary>
          <ul>{page.scheduledForDeletion.map((f) => <li key={f.path}>{displayPath(f.path)}{f.since !== null ? ` (since ${formatTimestamp(f.since)})` : ''}</li>)}</ul>
        </details>
      )}
    </div>
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
