import { stepKind, newStep, editableStepKinds, type EditableStepKind, type ScenarioDocument } from '../../../sim/scenarioEdits.ts';
import { scenarioMergeClauses } from '../../../sim/scenarioParts.ts';
import { JsonField } from './JsonField.tsx';

const kindWords: Record<EditableStepKind, string> = {
  read: 'read (pin a version)', think: 'think', append: 'append', overwrite: 'overwrite', delete: 'delete',
  update: 'update', merge: 'merge', setProperties: 'set properties', optimize: 'optimize',
};

/** One step of a writer's script: its kind, and the fields that kind has. */
export function StepEditor({ doc, step, onChange, testId }: { doc: ScenarioDocument; step: Record<string, unknown>; onChange: (step: Record<string, unknown>) => void; testId: string }) {
  const kind = stepKind(step);
  return (
    <div className="step-editor">
      <select value={kind ?? ''} aria-label="Step kind" data-testid={`${testId}-kind`} onChange={(e) => onChange(newStep(doc, e.target.value as EditableStepKind))}>
        {kind === undefined && <option value="">(unknown step)</option>}
        {editableStepKinds.map((k) => <option key={k} value={k}>{kindWords[k]}</option>)}
      </select>
      <StepFields kind={kind} step={step} onChange={onChange} testId={testId} />
    </div>
  );
}

function StepFields({ kind, step, onChange, testId }: { kind: EditableStepKind | undefined; step: Record<string, unknown>; onChange: (step: Record<string, unknown>) => void; testId: string }) {
  switch (kind) {
    case 'read': {
      const pinned = step.read !== 'HEAD';
      return (
        <span className="step-fields">
          <select aria-label="Which version" value={pinned ? 'pinned' : 'HEAD'} onChange={(e) => onChange({ read: e.target.value === 'HEAD' ? 'HEAD' : 0 })}>
            <option value="HEAD">the latest (HEAD)</option>
            <option value="pinned">a pinned version</option>
          </select>
          {pinned && <input type="number" min={0} aria-label="Version" value={Number(step.read)} onChange={(e) => onChange({ read: Number(e.target.value) })} style={{ width: '5rem' }} />}
        </span>
      );
    }
    case 'think':
      return <label className="inline">for <input type="number" min={0} value={Number(step.think)} data-testid={`${testId}-think`} onChange={(e) => onChange({ think: Number(e.target.value) })} style={{ width: '6rem' }} /> ms</label>;
    case 'append':
      return <JsonField label="rows" value={step.append} onChange={(append) => onChange({ ...step, append })} testId={`${testId}-rows`} />;
    case 'overwrite':
      return (
        <span className="step-fields">
          <JsonField label="rows" value={step.overwrite} onChange={(overwrite) => onChange({ ...step, overwrite })} testId={`${testId}-rows`} />
          <TextField label="where (replaceWhere)" value={step.where} onChange={(where) => onChange(where ? { ...step, where } : { overwrite: step.overwrite })} />
        </span>
      );
    case 'delete':
      return <TextField label="where" value={step.delete} onChange={(predicate) => onChange({ delete: predicate })} testId={`${testId}-where`} />;
    case 'update': {
      const update = step.update as { set: Record<string, string>; where?: string };
      return (
        <span className="step-fields">
          <JsonField label="set (column: SQL expression)" value={update.set} rows={2} onChange={(set) => onChange({ update: { ...update, set } })} />
          <TextField label="where" value={update.where} onChange={(where) => onChange({ update: where ? { ...update, where } : { set: update.set } })} />
        </span>
      );
    }
    case 'merge': {
      const merge = step.merge as { source: unknown[]; on: string; clauses: string[]; streamedExec?: boolean };
      return (
        <span className="step-fields">
          <JsonField label="source rows" value={merge.source} onChange={(source) => onChange({ merge: { ...merge, source } })} testId={`${testId}-source`} />
          <TextField label="on" value={merge.on} onChange={(on) => onChange({ merge: { ...merge, on } })} />
          <fieldset className="inline-fieldset"><legend>clauses</legend>
            {scenarioMergeClauses.map((clause) => (
              <label key={clause} className="inline"><input type="checkbox" checked={merge.clauses.includes(clause)}
                onChange={(e) => onChange({ merge: { ...merge, clauses: e.target.checked ? [...merge.clauses, clause] : merge.clauses.filter((c) => c !== clause) } })} /> {clause}</label>
            ))}
          </fieldset>
          <label className="inline" title="delta-rs's streamed execution: the merge reads the whole table, so any removed file conflicts">
            <input type="checkbox" checked={merge.streamedExec === true} onChange={(e) => onChange({ merge: { ...merge, streamedExec: e.target.checked || undefined } })} /> streamed execution
          </label>
        </span>
      );
    }
    case 'setProperties':
      return <JsonField label="properties" value={step.setProperties} rows={2} onChange={(setProperties) => onChange({ setProperties })} />;
    case 'optimize':
      return <span className="muted">bin-packs the table's small files</span>;
    default:
      return <JsonField label="step" value={step} onChange={(value) => onChange(value as Record<string, unknown>)} />;
  }
}

function TextField({ label, value, onChange, testId }: { label: string; value: unknown; onChange: (value: string) => void; testId?: string }) {
  return <label className="inline">{label} <input type="text" value={typeof value === 'string' ? value : ''} data-testid={testId} spellCheck={false} onChange={(e) => onChange(e.target.value)} /></label>;
}
