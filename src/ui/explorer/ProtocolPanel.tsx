import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { CatalogObjectsView } from './CatalogObjectsView.tsx';

/** What a reader must know about the selected version (Delta's protocol, DuckLake's catalog), its properties, and what this build reads. */
export function ProtocolPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const title = useExplorerState((s) => s.terms.protocol);
  const catalog = useExplorerState((s) => s.catalog?.objects);
  return (
    <section aria-labelledby="protocol-title" className="panel">
      <h2 id="protocol-title">{title}</h2>
      <LoadableView value={snapshot} what={title.toLowerCase()}>
        {({ protocol }) => (
          <div data-testid="protocol">
            <dl className="facts">
              {protocol.facts.map((fact) => [<dt key={`t${fact.label}`}>{fact.label}</dt>, <dd key={`d${fact.label}`}>{fact.value}</dd>])}
            </dl>
            {protocol.features.length > 0 && (
              <>
                <h3>Features</h3>
                <table className="grid">
                  <thead>
                    <tr><th scope="col">Feature</th><th scope="col">Needed by</th><th scope="col">Lakelab</th></tr>
                  </thead>
                  <tbody>
                    {protocol.features.map((feature) => (
                      <tr key={feature.name}><td><code>{feature.name}</code></td><td>{feature.neededBy}</td><td>{feature.support}</td></tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <h3>{title === 'Protocol' ? 'Table properties' : 'Settings (ducklake_metadata)'}</h3>
            {protocol.properties.length === 0 ? (
              <p className="muted">None set.</p>
            ) : (
              <table className="grid" data-testid="properties">
                <tbody>
                  {protocol.properties.map((p, i) => (
                    <tr key={`${p.key}/${p.scope ?? ''}/${i}`}><td><code>{p.key}</code></td><td>{p.value}</td>{p.scope !== undefined && <td className="muted">{p.scope}</td>}</tr>
                  ))}
                </tbody>
              </table>
            )}
            {protocol.notes.map((note) => <p key={note} className="muted">{note}</p>)}
          </div>
        )}
      </LoadableView>
      {catalog && (
        <LoadableView value={catalog} what="the catalog's objects">
          {(objects) => (objects ? <CatalogObjectsView objects={objects} /> : null)}
        </LoadableView>
      )}
    </section>
  );
}
