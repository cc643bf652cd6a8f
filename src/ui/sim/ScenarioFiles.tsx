import { scenarioLibrary } from '../../sim/scenarioLibrary.ts';
import { toFabricNotebook, toPythonScript } from '../../sim/pythonExport.ts';
import { useSimActions, useSimState } from './SimContext.tsx';
import { saveFile } from '../shared/saveFile.ts';


/** Export the scenario (JSON, a Python script, a Fabric notebook), or import one. */
export function ScenarioFiles() {
  const name = useSimState((s) => s.scenario);
  const custom = useSimState((s) => s.custom);
  const actions = useSimActions();
  const scenario = custom ?? scenarioLibrary.find((s) => s.name === name);
  if (!scenario) return null;
  return (
    <div className="sim-controls" aria-label="Scenario files">
      <button type="button" onClick={() => saveFile(`${scenario.name}.json`, JSON.stringify(scenario, null, 2), 'application/json')}>Export JSON</button>
      <button type="button" onClick={() => saveFile(`${scenario.name}.py`, toPythonScript(scenario), 'text/x-python')}>Export Python (deltalake)</button>
      <button type="button" onClick={() => saveFile(`${scenario.name}.ipynb`, toFabricNotebook(scenario), 'application/x-ipynb+json')}>Export Fabric notebook</button>
      <label className="inline">Import JSON{' '}
        <input type="file" accept=".json,application/json" data-testid="sim-import" onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void file.text().then((text) => actions.importScenario(text));
        }} />
      </label>
    </div>
  );
}
