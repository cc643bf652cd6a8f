import { addStep, editableStepKinds, moveStep, removeStep, setOption, setStep, changeWriter, type EditableStepKind, type ScenarioDocument, type WriterDocument } from '../../../sim/scenarioEdits.ts';
import { StepEditor } from './StepEditor.tsx';
import { NumberField } from './NumberField.tsx';
import { JsonField } from './JsonField.tsx';

interface Props {
  doc: ScenarioDocument;
  index: number;
  onChange: (doc: ScenarioDocument) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One writer: its name, its options (retries, what it does on a conflict, a crash, a lease) and its steps. */
export function WriterEditor({ doc, index, onChange, onMove, onRemove }: Props) {
  const writer = doc.writers[index]!;
  const id = `sim-edit-writer-${index}`;
  const set = (change: (w: WriterDocument) => WriterDocument) => onChange(changeWriter(doc, index, change));
  const lease = writer.lease as Record<string, unknown> | undefined;
  const catalogPlan = writer.ducklake as Record<string, unknown> | undefined;
  return (
    <li className="writer-editor" data-testid={id}>
      <div className="writer-head">
        <input type="text" aria-label="Writer name" value={writer.name} data-testid={`${id}-name`} onChange={(e) => set((w) => ({ ...w, name: e.target.value }))} />
        <button type="button" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move ${writer.name} up`}>↑</button>
        <button type="button" onClick={() => onMove(1)} disabled={index === doc.writers.length - 1} aria-label={`Move ${writer.name} down`}>↓</button>
        <button type="button" onClick={onRemove} aria-label={`Remove ${writer.name}`} data-testid={`${id}-remove`}>✕</button>
      </div>
      <div className="writer-options">
        <NumberField label="retries" value={writer.maxRetries} title="Commit retries when the version is taken (delta-rs: 15)" onChange={(v) => set((w) => setOption(w, 'maxRetries', v))} testId={`${id}-retries`} />
        <label className="inline">on a conflict{' '}
          <select value={String(writer.onConflict ?? 'fail')} data-testid={`${id}-on-conflict`} onChange={(e) => set((w) => setOption(w, 'onConflict', e.target.value === 'fail' ? undefined : e.target.value))}>
            <option value="fail">fail (as delta-rs does)</option>
            <option value="recompute">read HEAD again and redo the write</option>
          </select>
        </label>
        {writer.onConflict === 'recompute' && <NumberField label="recompute up to" value={writer.recomputeLimit} onChange={(v) => set((w) => setOption(w, 'recomputeLimit', v))} />}
        <NumberField label="crash at step" value={writer.crashAtStep} title="The writer dies at this step (0-based): a write step after writing its data files, before committing" onChange={(v) => set((w) => setOption(w, 'crashAtStep', v))} />
        <label className="inline" title="A DuckLake-style run guarded by a blob lease on the catalog, instead of Delta steps">
          <input type="checkbox" checked={lease !== undefined} disabled={catalogPlan !== undefined} onChange={(e) => set((w) => (e.target.checked ? { ...setOption(w, 'lease', { mode: 'infinite-stamped', work: 1000 }), steps: [] } : setOption(w, 'lease', undefined)))} /> lease writer
        </label>
        <label className="inline" title="Transactions on the scenario's DuckLake catalog database: each write step a real DuckLake commit racing for the next snapshot id">
          <input type="checkbox" checked={catalogPlan !== undefined} disabled={lease !== undefined} data-testid={`${id}-catalog-writer`} onChange={(e) => set((w) => (e.target.checked ? { ...setOption(w, 'ducklake', { steps: [{ insert: [{}] }] }), steps: [] } : setOption(w, 'ducklake', undefined)))} /> catalog database writer
        </label>
      </div>
      {catalogPlan ? (
        <JsonField label='catalog writer ({"steps": [{"insert": rows, "work"?: ms} | {"delete": predicate, "work"?: ms} | {"think": ms}], "maxRetries"?: n})' value={catalogPlan} rows={3} onChange={(value) => set((w) => ({ ...w, ducklake: value }))} testId={`${id}-catalog-plan`} />
      ) : lease ? (
        <JsonField label="lease (mode: infinite-stamped, fixed-heartbeat or ignore; work, startAfter, staleAfter in ms; crash; leaseSeconds)" value={lease} rows={2} onChange={(value) => set((w) => ({ ...w, lease: value }))} />
      ) : (
        <>
          <ol className="step-list">
            {writer.steps.map((step, j) => (
              <li key={j} data-testid={`${id}-step-${j}`}>
                <StepEditor doc={doc} step={step} onChange={(value) => onChange(setStep(doc, index, j, value))} testId={`${id}-step-${j}`} />
                <span className="step-buttons">
                  <button type="button" onClick={() => onChange(moveStep(doc, index, j, -1))} disabled={j === 0} aria-label="Move step up">↑</button>
                  <button type="button" onClick={() => onChange(moveStep(doc, index, j, 1))} disabled={j === writer.steps.length - 1} aria-label="Move step down">↓</button>
                  <button type="button" onClick={() => onChange(removeStep(doc, index, j))} aria-label="Remove step">✕</button>
                </span>
              </li>
            ))}
          </ol>
          <label className="inline">+ step{' '}
            <select value="" data-testid={`${id}-add-step`} onChange={(e) => e.target.value && onChange(addStep(doc, index, e.target.value as EditableStepKind))}>
              <option value="">add…</option>
              {editableStepKinds.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </label>
        </>
      )}
    </li>
  );
}
