import type { SampleEntry } from '../state/explorerStore.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { sampleTable } from '../state/tableSources.ts';

const groups: { format: 'delta' | 'ducklake'; title: string }[] = [
  { format: 'delta', title: 'Delta tables' },
  { format: 'ducklake', title: 'DuckLake catalogs' },
];

export function SamplePicker() {
  const samples = useExplorerState((s) => s.samples);
  const current = useExplorerState((s) => s.table?.link.sample);
  const actions = useExplorerActions();
  const button = (sample: SampleEntry) => (
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
  );
  return (
    <nav aria-label="Sample tables" className="sample-picker">
      <h2>Samples</h2>
      <LoadableView value={samples} what="samples">
        {(list) => groups.map(({ format, title }) => {
          const members = list.filter((s) => (s.format ?? 'delta') === format);
          if (members.length === 0) return null;
          return (
            <div key={format} className="sample-group">
              <h3 className="small">{title}</h3>
              <ul>{members.map(button)}</ul>
            </div>
          );
        })}
      </LoadableView>
    </nav>
  );
}
