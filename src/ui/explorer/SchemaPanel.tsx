import { useState } from 'react';
import type { TableColumn } from '../../core/table.ts';
import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { SchemaDiff } from './SchemaDiff.tsx';

/** The selected version's columns: types, nullability, partitions, field ids, defaults, nested fields; and a diff with another version. */
export function SchemaPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const [showPhysical, setShowPhysical] = useState(false);
  return (
    <section aria-labelledby="schema-title" className="panel">
      <h2 id="schema-title">Schema</h2>
      <LoadableView value={snapshot} what="schema">
        {(s) => {
          const rows = s.schema.columns.flatMap((column) => toRows(column, 0));
          const has = (pick: (c: TableColumn) => unknown) => rows.some(({ column }) => pick(column) !== undefined && pick(column) !== null);
          const physical = has((c) => c.physicalName);
          const ids = has((c) => c.fieldId);
          const defaults = has((c) => c.defaultValue);
          const initial = has((c) => c.initialDefault);
          return (
            <>
              {physical && (
                <label className="inline">
                  <input type="checkbox" checked={showPhysical} onChange={(e) => setShowPhysical(e.target.checked)} /> show column mapping (physical names)
                </label>
              )}
              <table className="grid" data-testid="schema">
                <thead>
                  <tr>
                    <th scope="col">Column</th>
                    <th scope="col">Type</th>
                    <th scope="col">Nullable</th>
                    <th scope="col">Partition</th>
                    {ids && <th scope="col">Field id</th>}
                    {physical && showPhysical && <th scope="col">Physical name</th>}
                    {defaults && <th scope="col">Default</th>}
                    {initial && <th scope="col">Initial default</th>}
                    <th scope="col">Metadata</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ column, depth, path }) => (
                    <tr key={path}>
                      <td style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>{column.name}</td>
                      <td><code>{column.type}</code></td>
                      <td>{column.nullable ? 'yes' : 'no'}</td>
                      <td>{column.partition ? 'partition' : ''}</td>
                      {ids && <td>{column.fieldId ?? ''}</td>}
                      {physical && showPhysical && <td><code>{column.physicalName ?? ''}</code></td>}
                      {defaults && <td><code>{column.defaultValue ?? ''}</code></td>}
                      {initial && <td><code>{column.initialDefault ?? ''}</code></td>}
                      <td className="muted">{Object.entries(column.metadata ?? {}).map(([k, v]) => `${k}=${v}`).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <SchemaDiff version={s.version} />
            </>
          );
        }}
      </LoadableView>
    </section>
  );
}

function toRows(column: TableColumn, depth: number, prefix = ''): { column: TableColumn; depth: number; path: string }[] {
  const path = prefix + column.name;
  return [{ column, depth, path }, ...column.children.flatMap((child) => toRows(child, depth + 1, `${path}.`))];
}
