import { useState } from 'react';
import type { DataType, StructField } from '../../core/delta/schemaTypes.ts';
import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { toTypeLabel } from '../../core/delta/typeLabel.ts';
import { SchemaDiff } from './SchemaDiff.tsx';

export function SchemaPanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const [showPhysical, setShowPhysical] = useState(false);
  return (
    <section aria-labelledby="schema-title" className="panel">
      <h2 id="schema-title">Schema</h2>
      <label className="inline">
        <input type="checkbox" checked={showPhysical} onChange={(e) => setShowPhysical(e.target.checked)} /> show column
        mapping (physical names and ids)
      </label>
      <LoadableView value={snapshot} what="schema">
        {(s) => (
          <>
          <table className="grid" data-testid="schema">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
                <th scope="col">Nullable</th>
                <th scope="col">Partition</th>
                {showPhysical && <th scope="col">Physical name</th>}
                {showPhysical && <th scope="col">Field id</th>}
                <th scope="col">Metadata</th>
              </tr>
            </thead>
            <tbody>
              {s.schema.fields.flatMap((field) =>
                toRows(field, 0).map(({ field: f, depth, path }) => (
                  <tr key={path}>
                    <td style={{ paddingLeft: `${0.5 + depth * 1.25}rem` }}>{f.name}</td>
                    <td><code>{toTypeLabel(f.type)}</code></td>
                    <td>{f.nullable ? 'yes' : 'no'}</td>
                    <td>{depth === 0 && s.metadata.partitionColumns.includes(f.name) ? 'partition' : ''}</td>
                    {showPhysical && <td><code>{String(f.metadata['delta.columnMapping.physicalName'] ?? '')}</code></td>}
                    {showPhysical && <td>{String(f.metadata['delta.columnMapping.id'] ?? '')}</td>}
                    <td className="muted">{toMetadataText(f.metadata)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          <SchemaDiff current={s.schema} version={s.version} />
          </>
        )}
      </LoadableView>
    </section>
  );
}

function toRows(field: StructField, depth: number, prefix = ''): { field: StructField; depth: number; path: string }[] {
  const path = prefix + field.name;
  const children = nestedFields(field.type).flatMap((child) => toRows(child, depth + 1, `${path}.`));
  return [{ field, depth, path }, ...children];
}

function nestedFields(type: DataType): StructField[] {
  if (typeof type === 'string') return [];
  if (type.type === 'struct') return type.fields;
  if (type.type === 'array') return nestedFields(type.elementType);
  return nestedFields(type.valueType);
}

function toMetadataText(metadata: Record<string, unknown>): string {
  const entries = Object.entries(metadata).filter(([key]) => !key.startsWith('delta.columnMapping.'));
  return entries.map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`).join(', ');
}
