import { useState } from 'react';
import type { SchemaChange } from '../../core/table.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';

/** The selected version's columns against another version's: added, dropped, renamed, retyped, defaults. */
export function SchemaDiff({ version }: { version: number }) {
  const latest = useExplorerState((s) => (s.latestVersion.status === 'ready' ? s.latestVersion.value : version));
  const word = useExplorerState((s) => s.terms.version);
  const compare = useExplorerState((s) => s.schemaCompare);
  const actions = useExplorerActions();
  const [other, setOther] = useState(Math.max(0, version - 1));
  return (
    <div className="schema-diff">
      <label>
        Compare with{' '}
        <select value={other} onChange={(e) => setOther(Number(e.target.value))} data-testid="schema-compare-version">
          {Array.from({ length: latest + 1 }, (_, v) => latest - v).map((v) => <option key={v} value={v}>{word} {v}</option>)}
        </select>
      </label>{' '}
      <button type="button" onClick={() => void actions.compareSchemaWith(other)}>Compare schemas</button>
      <LoadableView value={compare} what="the other schema">
        {({ from, to, changes }) => (
          <div data-testid="schema-changes">
            <p className="muted">From {word} {from} to {to}: {changes.length === 0 ? 'no change' : `${changes.length} change(s)`}</p>
            <ul>{changes.map((c, i) => <li key={i} className={`change-${c.kind}`}>{describe(c)}</li>)}</ul>
          </div>
        )}
      </LoadableView>
    </div>
  );
}

function describe(change: SchemaChange): string {
  switch (change.kind) {
    case 'added': return `added ${change.column} (${change.type})`;
    case 'dropped': return `dropped ${change.column} (${change.type})`;
    case 'renamed': return `renamed ${change.from} to ${change.to}`;
    case 'retyped': return `retyped ${change.column}: ${change.from} to ${change.to}`;
    case 'nullability': return `${change.column} is now ${change.nullable ? 'nullable' : 'not nullable'}`;
    case 'default': return `default of ${change.column}: ${change.from ?? 'none'} to ${change.to ?? 'none'}`;
  }
}
