import { useState, type FormEvent } from 'react';
import type { MergeClause } from '../../core/delta/operations/merge.ts';
import type { IsolationLevel } from '../../core/delta/transaction.ts';
import type { WriteOperation, WriteRequest } from '../../workers/protocol.ts';
import { useExplorerActions, useExplorerState } from '../shared/ExplorerContext.tsx';
import { WriteResultView } from './WriteResultView.tsx';
import { parseAssignments } from './assignments.ts';
import type { WriteDefaults } from './writeDefaults.ts';

const operationChoices: { value: WriteOperation; label: string }[] = [
  { value: 'append', label: 'append (blind)' },
  { value: 'overwrite', label: 'overwrite' },
  { value: 'delete', label: 'delete' },
  { value: 'update', label: 'update' },
  { value: 'merge', label: 'merge' },
];

const clauseChoices: { kind: MergeClause['kind']; label: string }[] = [
  { kind: 'whenMatchedUpdateAll', label: 'when matched: update all columns' },
  { kind: 'whenMatchedDelete', label: 'when matched: delete' },
  { kind: 'whenNotMatchedInsertAll', label: 'when not matched: insert all columns' },
  { kind: 'whenNotMatchedBySourceDelete', label: 'when not matched by source: delete' },
];

/**
 * Choose an operation, its inputs and the pinned version; preview, then commit with OCC. The
 * starting values come from the open table (`defaults`); a read-only table cannot be previewed.
 */
export function WriteForm({ defaults, readOnly }: { defaults: WriteDefaults; readOnly: boolean }) {
  const actions = useExplorerActions();
  const latest = useExplorerState((s) => (s.latestVersion.status === 'ready' ? s.latestVersion.value : undefined));
  const busy = useExplorerState((s) => s.write.status === 'loading');
  const offered = useExplorerState((s) => s.writeOperations);
  // A DuckLake catalog: one writer at a time (its lease), each write at the latest snapshot: no pin, no isolation, no merge.
  const ducklake = useExplorerState((s) => s.terms.version === 'snapshot');
  const [operation, setOperation] = useState<WriteOperation>(offered.includes('merge') ? 'merge' : offered[0] ?? 'append');
  const [pin, setPin] = useState<string>('HEAD');
  const [files, setFiles] = useState<File[]>([]);
  const [sqlSource, setSqlSource] = useState('');
  const [withFilename, setWithFilename] = useState(defaults.withFilename);
  const [predicate, setPredicate] = useState('');
  const [set, setSet] = useState('');
  const [on, setOn] = useState(defaults.mergeOn);
  const [clauses, setClauses] = useState<Set<MergeClause['kind']>>(new Set(['whenNotMatchedInsertAll']));
  const [streamed, setStreamed] = useState(true);
  const [isolation, setIsolation] = useState<IsolationLevel | ''>('');
  const [formError, setFormError] = useState<string>();
  const needsSource = operation === 'append' || operation === 'overwrite' || operation === 'merge';

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    setFormError(undefined);
    try {
      const request: WriteRequest = {
        operation,
        readVersion: pin === 'HEAD' ? 'HEAD' : Number(pin),
        predicate: predicate.trim() || undefined,
        isolationLevel: isolation || undefined,
        withFilename,
      };
      if (needsSource && sqlSource.trim()) {
        // The source rows come from SQL over the table at the pinned version (HEAD: the latest).
        const version = pin === 'HEAD' ? latest ?? 0 : Number(pin);
        request.sources = [{ name: 'sql-source.csv', bytes: await actions.sqlSourceCsv(sqlSource, version) }];
        request.withFilename = false;
      } else if (needsSource) {
        request.sources = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })));
      }
      if (operation === 'update') request.set = parseAssignments(set);
      if (operation === 'merge') {
        request.merge = {
          predicate: on, sourceAlias: 's', targetAlias: 't', streamedExec: streamed,
          clauses: clauseChoices.filter((c) => clauses.has(c.kind)).map((c) => ({ kind: c.kind }) as MergeClause),
        };
      }
      await actions.previewWrite(request);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <form onSubmit={(e) => void onPreview(e)} className="write-form">
        <label>Operation
          <select value={operation} onChange={(e) => setOperation(e.target.value as WriteOperation)} data-testid="write-operation">
            {operationChoices.filter((o) => offered.includes(o.value)).map((o) => <option key={o.value} value={o.value}>{ducklake && o.value === 'append' ? 'insert' : o.label}</option>)}
          </select>
        </label>
        {ducklake && <p className="hint" data-testid="write-ducklake-lease">Each write is one snapshot at the latest, committed under the catalog&apos;s lease: while another run holds it, the commit is refused, naming the holder.</p>}
        {!ducklake && <>
        <label>Read version (pin)
          <select value={pin} onChange={(e) => setPin(e.target.value)} data-testid="write-version">
            <option value="HEAD">HEAD (latest when it runs)</option>
            {latest !== undefined && Array.from({ length: latest + 1 }, (_, v) => latest - v).map((v) => <option key={v} value={v}>version {v}</option>)}
          </select>
        </label>
        <label>Isolation
          <select value={isolation} onChange={(e) => setIsolation(e.target.value as IsolationLevel | '')}>
            <option value="">the table's (delta-rs default: Serializable)</option>
            <option value="Serializable">Serializable</option>
            <option value="WriteSerializable">WriteSerializable</option>
            <option value="SnapshotIsolation">SnapshotIsolation</option>
          </select>
        </label>
        </>}
        {needsSource && (
          <>
            <label>Source rows (CSV or Parquet)
              <input type="file" multiple accept=".csv,.parquet" data-testid="write-source" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
            </label>
            <label className="inline"><input type="checkbox" checked={withFilename} onChange={(e) => setWithFilename(e.target.checked)} /> add each file's name as column <code>filename</code></label>
            {!ducklake && <label>Or a SQL source (over the table at the pinned version, in duckdb-wasm)
              <textarea value={sqlSource} onChange={(e) => setSqlSource(e.target.value)} rows={3} data-testid="write-sql-source" placeholder={defaults.sqlSourcePlaceholder} />
            </label>}
          </>
        )}
        {operation !== 'append' && operation !== 'merge' && (
          <label>{operation === 'overwrite' ? 'Replace where (partition predicate)' : 'Where'}
            <input type="text" value={predicate} onChange={(e) => setPredicate(e.target.value)} placeholder={defaults.predicatePlaceholder} data-testid="write-predicate" />
          </label>
        )}
        {operation === 'update' && (
          <label>Set<input type="text" value={set} onChange={(e) => setSet(e.target.value)} placeholder={defaults.setPlaceholder} data-testid="write-set" /></label>
        )}
        {operation === 'merge' && (
          <fieldset>
            <legend>Merge</legend>
            <label>On (target t, source s)<input type="text" value={on} onChange={(e) => setOn(e.target.value)} data-testid="write-on" /></label>
            {clauseChoices.map((c) => (
              <label key={c.kind} className="inline">
                <input type="checkbox" checked={clauses.has(c.kind)} onChange={(e) => {
                  const next = new Set(clauses);
                  if (e.target.checked) next.add(c.kind); else next.delete(c.kind);
                  setClauses(next);
                }} /> {c.label}
              </label>
            ))}
            <label className="inline"><input type="checkbox" checked={streamed} onChange={(e) => setStreamed(e.target.checked)} /> streamed execution (delta-rs Python's default: reads the whole table)</label>
          </fieldset>
        )}
        <div className="buttons">
          <button type="submit" disabled={busy || readOnly}>Preview</button>
        </div>
        {formError && <p className="panel-error" role="alert">{formError}</p>}
      </form>
      <WriteResultView />
    </>
  );
}
