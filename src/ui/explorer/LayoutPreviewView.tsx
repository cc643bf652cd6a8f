import { useEffect, useState, type FormEvent } from 'react';
import { toZOrder, type DeltaLayout } from '../../core/delta/analysis/layoutOf.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { displayPath, formatBytes } from '../shared/format.ts';

const mib = 1024 * 1024;
const partitionText = (values: Record<string, string | null>) => Object.entries(values).map(([k, v]) => `${k}=${v ?? 'null'}`).join('/') || '(not partitioned)';

/** The layout of the selected version: sizes against a target, small files and skew per partition, and what OPTIMIZE would write. */
export function LayoutPreviewView() {
  const layout = useExplorerState((s) => s.insights.layout);
  const version = useExplorerState((s) => s.selectedVersion);
  const actions = useExplorerActions();
  const [target, setTarget] = useState('');
  const targetSize = () => (target.trim() === '' ? undefined : Math.round(Number(target) * mib) || undefined);
  useEffect(() => {
    if (version !== undefined) void actions.previewLayout(version, targetSize());
  }, [version, actions]);
  function submit(event: FormEvent) {
    event.preventDefault();
    if (version !== undefined) void actions.previewLayout(version, targetSize());
  }
  return (
    <div className="layout" data-testid="layout">
      <h3>Layout: small files, skew, and what OPTIMIZE would write</h3>
      <form className="inline-form" onSubmit={submit}>
        <label>
          Target file size (MiB)
          <input type="number" min="0" step="any" value={target} placeholder="the table's" onChange={(e) => setTarget(e.target.value)} data-testid="layout-target" />
        </label>
        <button type="submit" data-testid="layout-preview">Preview</button>
      </form>
      <LoadableView value={layout} what="the layout">
        {(value) => <LayoutResult layout={value} />}
      </LoadableView>
    </div>
  );
}

function LayoutResult({ layout }: { layout: DeltaLayout }) {
  const history = useExplorerState((s) => (s.history.status === 'ready' ? s.history.value : []));
  const zOrder = toZOrder(history);
  const { optimize } = layout;
  const max = Math.max(1, ...layout.histogram.map((b) => b.count));
  return (
    <div>
      <p className="summary" data-testid="optimize-summary">
        At version {layout.version}, target {formatBytes(layout.targetSize)}: OPTIMIZE would rewrite {optimize.numFilesRemoved} file(s) ({formatBytes(optimize.bytesRewritten)}) into {optimize.numFilesAdded} in {optimize.partitionsOptimized} partition(s), and leave {optimize.totalFilesSkipped} of {optimize.totalConsideredFiles} as they are.
      </p>
      <p className="muted" data-testid="clustering">
        {layout.clusteringColumns ? `Clustered by ${layout.clusteringColumns.join(', ')} (liquid clustering).` : 'No clustering columns declared.'}
        {zOrder ? ` Z-ordered by ${zOrder.columns.join(', ')} at version ${zOrder.version}.` : ''}
      </p>
      <figure className="histogram" aria-label="File sizes against the target" data-testid="layout-histogram">
        {layout.histogram.map((b) => (
          <div key={b.from} className="bar-row" title={`${b.count} files of ${formatBytes(b.from)}–${formatBytes(b.to)}`}>
            <span className="bar-label">{formatBytes(b.from)}{b.to <= layout.targetSize ? '' : ' ≥ target'}</span>
            <span className="bar" style={{ width: `${(b.count / max) * 100}%` }} />
            <span className="bar-count">{b.count}</span>
          </div>
        ))}
      </figure>
      <div className="scroll-x">
        <table className="grid" data-testid="layout-partitions">
          <thead>
            <tr><th scope="col">Partition</th><th scope="col">Files</th><th scope="col">Below target</th><th scope="col">Bytes</th><th scope="col">Rows</th><th scope="col">OPTIMIZE writes</th></tr>
          </thead>
          <tbody>
            {layout.partitions.map((p) => (
              <tr key={JSON.stringify(p.values)}>
                <td>{partitionText(p.values)}</td>
                <td>{p.files}</td>
                <td>{p.smallFiles}</td>
                <td>{formatBytes(p.bytes)}{p.skewed.bytes ? ' (skewed)' : ''}</td>
                <td>{p.rows ?? '?'}{p.skewed.rows ? ' (skewed)' : ''}</td>
                <td>
                  {p.bins.length === 0 ? 'nothing' : (
                    <details>
                      <summary>{p.bins.length} file(s) from {p.bins.reduce((n, b) => n + b.files.length, 0)}</summary>
                      <ol>{p.bins.map((b, i) => <li key={i} data-testid="optimize-bin">{formatBytes(b.bytes)}: {b.files.map((f) => <code key={f.path} className="bin-file">{displayPath(f.path)} </code>)}</li>)}</ol>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
