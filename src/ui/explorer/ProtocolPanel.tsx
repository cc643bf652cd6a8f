import { knownWriterFeatures, supportedReaderFeatures } from '../../core/delta/features.ts';
import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';

/** Reader and writer versions, table features, properties, and what this build of Lakelab reads. */
export function ProtocolPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  return (
    <section aria-labelledby="protocol-title" className="panel">
      <h2 id="protocol-title">Protocol</h2>
      <LoadableView value={snapshot} what="protocol">
        {(s) => {
          const readerFeatures = s.protocol.readerFeatures ?? [];
          const writerFeatures = s.protocol.writerFeatures ?? [];
          const properties = Object.entries(s.metadata.configuration);
          return (
            <div data-testid="protocol">
              <dl className="facts">
                <dt>Reader version</dt>
                <dd>{s.protocol.minReaderVersion}</dd>
                <dt>Writer version</dt>
                <dd>{s.protocol.minWriterVersion}</dd>
                <dt>Table id</dt>
                <dd><code>{s.metadata.id}</code></dd>
                <dt>Partition columns</dt>
                <dd>{s.metadata.partitionColumns.join(', ') || 'none'}</dd>
              </dl>
              <h3>Features</h3>
              <table className="grid">
                <thead>
                  <tr><th scope="col">Feature</th><th scope="col">Needed by</th><th scope="col">Lakelab</th></tr>
                </thead>
                <tbody>
                  {[...new Set([...readerFeatures, ...writerFeatures])].map((feature) => {
                    const reader = readerFeatures.includes(feature);
                    const supported = reader ? supportedReaderFeatures.includes(feature) : knownWriterFeatures.includes(feature);
                    return (
                      <tr key={feature}>
                        <td><code>{feature}</code></td>
                        <td>{reader ? 'readers and writers' : 'writers'}</td>
                        <td>{reader ? (supported ? 'reads it' : 'cannot read it') : 'ignored when reading'}</td>
                      </tr>
                    );
                  })}
                  {readerFeatures.length + writerFeatures.length === 0 && (
                    <tr><td colSpan={3} className="muted">No table features: legacy protocol versions.</td></tr>
                  )}
                </tbody>
              </table>
              <h3>Table properties</h3>
              {properties.length === 0 ? (
                <p className="muted">None set.</p>
              ) : (
                <table className="grid">
                  <tbody>
                    {properties.map(([key, value]) => (
                      <tr key={key}><td><code>{key}</code></td><td>{value}</td></tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="muted">This build reads reader features: {supportedReaderFeatures.join(', ')}.</p>
            </div>
          );
        }}
      </LoadableView>
    </section>
  );
}
