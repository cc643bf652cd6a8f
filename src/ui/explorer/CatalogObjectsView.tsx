import type { CatalogObjects } from '../../core/table.ts';

/** A catalog's schemas, tables, views and macros at the selected snapshot, and the tables that exist at others. */
export function CatalogObjectsView({ objects }: { objects: CatalogObjects }) {
  return (
    <div data-testid="catalog-objects">
      <h3>The catalog at snapshot {objects.version}</h3>
      <dl className="facts">
        <dt>Schemas</dt>
        <dd>{objects.schemas.join(', ') || 'none'}</dd>
        <dt>Tables</dt>
        <dd>{objects.tables.map((t) => `${t.name} (table_id ${t.id})`).join(', ') || 'none'}</dd>
        <dt>Views</dt>
        <dd>{objects.views.length === 0 ? 'none' : objects.views.map((v) => <div key={v.name}><code>{v.name}</code>{v.sql ? <pre className="view-sql">{v.sql}</pre> : null}</div>)}</dd>
        {objects.macros.length > 0 && (
          <>
            <dt>Macros</dt>
            <dd>{objects.macros.join(', ')}</dd>
          </>
        )}
        {objects.elsewhere.length > 0 && (
          <>
            <dt>At other snapshots</dt>
            <dd>{objects.elsewhere.map((t) => `${t.name} (snapshots ${t.from} to ${t.until === null ? 'now' : t.until - 1})`).join(', ')}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
