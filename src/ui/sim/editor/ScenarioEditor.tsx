import { useMemo, useState } from 'react';
import { scenarioLibrary } from '../../../sim/scenarioLibrary.ts';
import { validateScenario, type Scenario } from '../../../sim/scenario.ts';
import { addWriter, moveWriter, removeWriter, setOption, toScenarioDocument, type ScenarioDocument } from '../../../sim/scenarioEdits.ts';
import { toLakeError } from '../../../core/errors.ts';
import { useSimActions, useSimState } from '../SimContext.tsx';
import { WriterEditor } from './WriterEditor.tsx';
import { JsonField } from './JsonField.tsx';
import { NumberField } from './NumberField.tsx';

/**
 * Build a scenario in the page: start from the one shown, change its writers and their steps,
 * its isolation level, latencies and faults. Validated as it is typed, by the validator an
 * imported file goes through; a valid one runs, and its link (the scenario inside) replays it.
 */
export function ScenarioEditor() {
  const name = useSimState((s) => s.scenario);
  const custom = useSimState((s) => s.custom);
  const current = custom ?? scenarioLibrary.find((s) => s.name === name);
  const [open, setOpen] = useState(false);
  if (!current) return null;
  return (
    <div className="scenario-editor">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="sim-edit">{open ? 'Close the editor' : 'Edit this scenario…'}</button>
      {open && <EditorBody key={current.name + JSON.stringify(current).length} start={current as Scenario} />}
    </div>
  );
}

function EditorBody({ start }: { start: Scenario }) {
  const actions = useSimActions();
  const [doc, setDoc] = useState<ScenarioDocument>(() => toScenarioDocument(start));
  const [view, setView] = useState<'form' | 'json'>('form');
  const checked = useMemo(() => {
    try {
      return { scenario: validateScenario(doc) };
    } catch (error) {
      return { problem: toLakeError(error).message };
    }
  }, [doc]);
  const latency = (doc.latency as { default?: { min: number; max: number } } | undefined)?.default;
  const faults = doc.faults as { fail?: number; delay?: number } | undefined;
  const setLatency = (key: 'min' | 'max', value: number | undefined) => {
    const next = { min: latency?.min ?? 5, max: latency?.max ?? 50, [key]: value ?? (key === 'min' ? 5 : 50) };
    setDoc(setOption(doc, 'latency', { ...(doc.latency as object | undefined), default: next }));
  };
  const setFault = (key: 'fail' | 'delay', value: number | undefined) => {
    const next = setOption({ ...faults }, key, value);
    setDoc(setOption(doc, 'faults', Object.keys(next).length === 0 ? undefined : next));
  };
  return (
    <div className="editor-body" data-testid="sim-editor">
      <div role="tablist" aria-label="Editor view">
        <button type="button" role="tab" aria-selected={view === 'form'} onClick={() => setView('form')}>Form</button>
        <button type="button" role="tab" aria-selected={view === 'json'} onClick={() => setView('json')} data-testid="sim-edit-json-tab">JSON</button>
      </div>
      {view === 'json' ? (
        <JsonField label="The scenario document (the format Export JSON writes and Import reads)" value={doc} rows={18} onChange={(value) => setDoc(value as ScenarioDocument)} testId="sim-edit-json" />
      ) : (
        <>
          <div className="editor-row">
            <label className="inline">Name <input type="text" value={String(doc.name ?? '')} data-testid="sim-edit-name" onChange={(e) => setDoc({ ...doc, name: e.target.value })} /></label>
            <label className="inline">Title <input type="text" value={String(doc.title ?? '')} size={40} data-testid="sim-edit-title" onChange={(e) => setDoc({ ...doc, title: e.target.value })} /></label>
          </div>
          <label className="json-field"><span>What it teaches</span>
            <textarea rows={2} value={String(doc.explanation ?? '')} onChange={(e) => setDoc({ ...doc, explanation: e.target.value })} />
          </label>
          <div className="editor-row">
            <label className="inline">Isolation level{' '}
              <select value={String(doc.isolationLevel ?? '')} data-testid="sim-edit-isolation" onChange={(e) => setDoc(setOption(doc, 'isolationLevel', e.target.value || undefined))}>
                <option value="">default (Serializable)</option>
                <option value="Serializable">Serializable</option>
                <option value="WriteSerializable">WriteSerializable</option>
                <option value="SnapshotIsolation">SnapshotIsolation</option>
              </select>
            </label>
            <NumberField label="store latency from (ms)" value={latency?.min} onChange={(v) => setLatency('min', v)} testId="sim-edit-latency-min" />
            <NumberField label="to (ms)" value={latency?.max} onChange={(v) => setLatency('max', v)} testId="sim-edit-latency-max" />
            <NumberField label="calls failing (share)" value={faults?.fail} max={1} step={0.05} onChange={(v) => setFault('fail', v)} testId="sim-edit-faults-fail" />
            <NumberField label="calls stalling (share)" value={faults?.delay} max={1} step={0.05} onChange={(v) => setFault('delay', v)} />
          </div>
          <ol className="writer-list" aria-label="Writers">
            {doc.writers.map((writer, i) => (
              <WriterEditor key={i} doc={doc} index={i} onChange={setDoc} onMove={(by) => setDoc(moveWriter(doc, i, by))} onRemove={() => setDoc(removeWriter(doc, i))} />
            ))}
          </ol>
          <button type="button" onClick={() => setDoc(addWriter(doc))} data-testid="sim-edit-add-writer">+ writer</button>
        </>
      )}
      <p role="status" data-testid="sim-edit-status" className={checked.problem ? 'removed' : 'added'}>
        {checked.problem ? checked.problem : `Valid: ${doc.writers.length} writer(s).`}
      </p>
      <div className="sim-controls">
        <button type="button" disabled={!checked.scenario} data-testid="sim-edit-run" onClick={() => checked.scenario && void actions.runCustomScenario(checked.scenario)}>Run the edited scenario</button>
        <button type="button" onClick={() => setDoc(toScenarioDocument(start))}>Undo every change</button>
        <span className="muted">Once it runs, the page's link carries the scenario: copy it to share the race.</span>
      </div>
    </div>
  );
}
