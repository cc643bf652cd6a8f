import { useExplorerState } from './shared/ExplorerContext.tsx';
import { PanelBoundary } from './shared/PanelBoundary.tsx';
import { SamplePicker } from './explorer/SamplePicker.tsx';
import { OpenControls } from './explorer/OpenControls.tsx';
import { HistoryPanel } from './explorer/HistoryPanel.tsx';
import { DataPanel } from './explorer/DataPanel.tsx';

export function App() {
  const table = useExplorerState((s) => s.table);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Lakelab</h1>
        <p className="muted">See inside Delta tables: history, versions and rows.</p>
      </header>
      <aside className="sidebar">
        <PanelBoundary title="Samples">
          <SamplePicker />
        </PanelBoundary>
        <PanelBoundary title="Open">
          <OpenControls />
        </PanelBoundary>
      </aside>
      <main className="main">
        {table ? (
          <>
            <h2 className="table-title" data-testid="table-title">{table.label}</h2>
            <PanelBoundary title="History">
              <HistoryPanel />
            </PanelBoundary>
            <PanelBoundary title="Data">
              <DataPanel />
            </PanelBoundary>
          </>
        ) : (
          <p className="muted">Pick a sample table, a URL or a local folder.</p>
        )}
      </main>
    </div>
  );
}
