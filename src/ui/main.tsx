import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ExplorerContext } from './shared/ExplorerContext.tsx';
import { createExplorerStore } from './state/explorerStore.ts';
import { createExplorerActions } from './state/explorerActions.ts';
import { toPageLink, toSearch } from './state/pageLink.ts';
import { TableWorkerClient } from '../workers/client.ts';
import { SimWorkerClient } from '../workers/simClient.ts';
import { createSimActions, createSimStore } from './state/simStore.ts';
import { SimContext } from './sim/SimContext.tsx';
import { encodeScenario, maxLinkedScenarioChars } from '../sim/scenarioLink.ts';
import './styles.css';

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

const store = createExplorerStore();
const actions = createExplorerActions(store, new TableWorkerClient(), fetchJson);
const simStore = createSimStore();
const simActions = createSimActions(simStore, new SimWorkerClient());

// The URL follows the open table and version, so a view can be shared and reloaded.
// An edited or imported scenario travels in the link itself (when it is small enough for one).
let linked: { custom: object; text: string | undefined } | undefined;
const scenarioText = (custom: object) => {
  if (linked?.custom !== custom) {
    const text = encodeScenario(custom);
    linked = { custom, text: text.length <= maxLinkedScenarioChars ? text : undefined };
  }
  return linked.text;
};
simStore.subscribe((state) => {
  if (!state.open) return;
  const search = state.custom ? toSearch({ scenario: scenarioText(state.custom), seed: state.seed }) : toSearch({ sim: state.scenario, seed: state.seed });
  if (search !== window.location.search) window.history.replaceState(null, '', search || window.location.pathname);
});
store.subscribe((state) => {
  if (simStore.getState().open) return;
  const link = state.table?.link;
  if (!link || (!link.sample && !link.url)) return;
  const travel = state.insights.timeTravel;
  const ts = travel && 'version' in travel && travel.version === state.selectedVersion ? travel.text : undefined;
  const search = toSearch({ ...link, version: state.selectedVersion, ts });
  if (search !== window.location.search) window.history.replaceState(null, '', search || window.location.pathname);
});

async function start(): Promise<void> {
  const link = toPageLink(window.location.search);
  if (link.scenario) {
    simStore.setState({ open: true, seed: link.seed ?? 1 });
    void simActions.runScenarioLink(link.scenario, link.seed ?? 1);
  } else if (link.sim) {
    simStore.setState({ open: true, scenario: link.sim, seed: link.seed ?? 1 });
    void simActions.runSimulation(link.sim, link.seed ?? 1);
  }
  await actions.openLink(link);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ExplorerContext.Provider value={{ store, actions }}>
      <SimContext.Provider value={{ store: simStore, actions: simActions }}>
        <App />
      </SimContext.Provider>
    </ExplorerContext.Provider>
  </StrictMode>,
);
void start();
