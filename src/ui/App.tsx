import type { ReactNode } from 'react';
import { useExplorerState } from './shared/ExplorerContext.tsx';
import { PanelBoundary } from './shared/PanelBoundary.tsx';
import { SamplePicker } from './explorer/SamplePicker.tsx';
import { OpenControls } from './explorer/OpenControls.tsx';
import { HistoryPanel } from './explorer/HistoryPanel.tsx';
import { DataPanel } from './explorer/DataPanel.tsx';
import { SchemaPanel } from './explorer/SchemaPanel.tsx';
import { FilesPanel } from './explorer/FilesPanel.tsx';
import { LogPanel } from './explorer/LogPanel.tsx';
import { ProtocolPanel } from './explorer/ProtocolPanel.tsx';
import { ViewTabs } from './explorer/ViewTabs.tsx';
import { WritePanel } from './write/WritePanel.tsx';
import { MaintenancePanel } from './explorer/MaintenancePanel.tsx';
import { DiffPanel } from './explorer/DiffPanel.tsx';
import { LoadingBar } from './explorer/LoadingBar.tsx';
import { LinkNotice } from './explorer/LinkNotice.tsx';
import { AzureConnect } from './connect/AzureConnect.tsx';
import { SimulatorPage } from './sim/SimulatorPage.tsx';
import { useSimActions, useSimState } from './sim/SimContext.tsx';
import { CatalogBar } from './explorer/CatalogBar.tsx';
import type { ExplorerView } from './state/explorerStore.ts';

const panels: Record<ExplorerView, { title: string; render: () => ReactNode }> = {
  data: { title: 'Data', render: () => <DataPanel /> },
  schema: { title: 'Schema', render: () => <SchemaPanel /> },
  files: { title: 'Files', render: () => <FilesPanel /> },
  diff: { title: 'Diff', render: () => <DiffPanel /> },
  log: { title: 'Log', render: () => <LogPanel /> },
  protocol: { title: 'Protocol', render: () => <ProtocolPanel /> },
  maintenance: { title: 'Maintenance', render: () => <MaintenancePanel /> },
  write: { title: 'Write', render: () => <WritePanel /> },
};

export function App() {
  const table = useExplorerState((s) => s.table);
  const view = useExplorerState((s) => s.view);
  const protocolTitle = useExplorerState((s) => s.terms.protocol);
  const panel = panels[view];
  const simulator = useSimState((s) => s.open);
  const sim = useSimActions();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Lakelab</h1>
        <p className="muted">See inside Delta tables and DuckLake catalogs, and watch concurrent writers collide.</p>
        <nav className="app-nav" aria-label="Modes">
          <button type="button" aria-pressed={!simulator} className={!simulator ? 'selected' : ''} onClick={() => sim.show(false)}>Explorer</button>
          <button type="button" aria-pressed={simulator} className={simulator ? 'selected' : ''} onClick={() => sim.show(true)} data-testid="open-simulator">Simulator</button>
        </nav>
      </header>
      <aside className="sidebar">
        <PanelBoundary title="Samples">
          <SamplePicker />
        </PanelBoundary>
        <PanelBoundary title="Open">
          <OpenControls />
        </PanelBoundary>
        <PanelBoundary title="OneLake">
          <AzureConnect />
        </PanelBoundary>
      </aside>
      <main className="main">
        {simulator ? (
          <PanelBoundary title="Simulator">
            <SimulatorPage />
          </PanelBoundary>
        ) : table ? (
          <>
            <LinkNotice />
            <h2 className="table-title" data-testid="table-title">{table.label}</h2>
            <PanelBoundary title="Catalog">
              <CatalogBar />
            </PanelBoundary>
            <LoadingBar />
            <PanelBoundary title="History">
              <HistoryPanel />
            </PanelBoundary>
            <ViewTabs />
            <div role="tabpanel" id={`view-${view}`} aria-labelledby={`tab-${view}`}>
              <PanelBoundary key={view} title={view === 'protocol' ? protocolTitle : panel.title}>
                {panel.render()}
              </PanelBoundary>
            </div>
          </>
        ) : (
          <>
            <LinkNotice />
            <p className="muted">Pick a sample table or catalog, a URL or a local folder.</p>
          </>
        )}
      </main>
    </div>
  );
}
