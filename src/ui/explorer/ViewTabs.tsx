import type { KeyboardEvent } from 'react';
import type { ExplorerView } from '../state/explorerStore.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';

const views: { id: ExplorerView; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'schema', label: 'Schema' },
  { id: 'files', label: 'Files' },
  { id: 'diff', label: 'Diff' },
  { id: 'log', label: 'Log' },
  { id: 'protocol', label: 'Protocol' },
  { id: 'maintenance', label: 'Maintenance' },
  { id: 'write', label: 'Write' },
];

/** The views of the selected version, as an ARIA tab list (arrow keys move between tabs). */
export function ViewTabs() {
  const view = useExplorerState((s) => s.view);
  const protocolTitle = useExplorerState((s) => s.terms.protocol);
  const actions = useExplorerActions();
  function onKeyDown(event: KeyboardEvent) {
    const at = views.findIndex((v) => v.id === view);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = views[(at + step + views.length) % views.length];
    if (next) {
      actions.showView(next.id);
      document.getElementById(`tab-${next.id}`)?.focus();
    }
  }
  return (
    <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKeyDown}>
      {views.map((v) => (
        <button
          key={v.id}
          id={`tab-${v.id}`}
          type="button"
          role="tab"
          aria-selected={v.id === view}
          aria-controls={`view-${v.id}`}
          tabIndex={v.id === view ? 0 : -1}
          className={v.id === view ? 'selected' : ''}
          onClick={() => actions.showView(v.id)}
        >
          {v.id === 'protocol' ? protocolTitle : v.label}
        </button>
      ))}
    </div>
  );
}
