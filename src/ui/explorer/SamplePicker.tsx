import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { sampleTable } from '../state/tableSources.ts';

export function SamplePicker() {
  const samples = useExplorerState((s) => s.samples);
  const current = useExplorerState((s) => s.table?.link.sample);
  const actions = useExplorerActions();
  return (
    <nav aria-label="Sample tables" className="sample-picker">
      <h2>Samples</h2>
      <LoadableView value={samples} what="samples">
        {(list) => (
          <ul>
            {list.map((sample) => (
              <li key={sample.name}>
                <button
                  type="button"
                  className={sample.name === current ? 'selected' : ''}
                  aria-current={sample.name === current ? 'true' : undefined}
                  title={sample.description}
                  onClick={() => void actions.openTable(sampleTable(sample))}
                >
                  {sample.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </LoadableView>
    </nav>
  );
}
