import { useEffect, useState } from 'react';
import type { StructType } from '../../core/delta/schemaTypes.ts';
import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { toSqlTableName } from '../../core/sqlNames.ts';
import { WriteForm } from './WriteForm.tsx';
import { toWriteDefaults } from './writeDefaults.ts';

/** The Write tab: whether the open table can be written, and the form with its starting values from the table. */
export function WritePanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const label = useExplorerState((s) => s.table?.label ?? 't');
  const readOnly = useExplorerState((s) => s.readOnly);
  const firstRow = useExplorerState((s) => (s.rows.status === 'ready' ? s.rows.value.rows[0] : undefined));
  // The form stays while another version loads (a commit selects the new one): it keeps what was typed.
  const [columns, setColumns] = useState<{ label: string; schema: StructType }>();
  useEffect(() => {
    if (snapshot.status === 'ready') setColumns({ label, schema: snapshot.value.schema });
  }, [snapshot, label]);
  const known = columns?.label === label ? columns.schema : undefined;
  return (
    <section aria-labelledby="write-title" className="panel write-panel">
      <h2 id="write-title">Write</h2>
      {readOnly && (
        <p className="notice" role="status" data-testid="write-read-only">
          {readOnly} To try writes, open a built-in sample (it is copied into this page&apos;s memory) or a local folder with
          <strong> Pick a folder (read and write)</strong>.
        </p>
      )}
      {known ? (
        <WriteForm key={label} defaults={toWriteDefaults(known.fields, toSqlTableName(label), firstRow)} readOnly={readOnly !== undefined} />
      ) : (
        <LoadableView value={snapshot} what="the table's columns">{() => null}</LoadableView>
      )}
    </section>
  );
}
