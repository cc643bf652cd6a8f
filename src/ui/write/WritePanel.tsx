import { useEffect, useState } from 'react';
import type { TableColumn } from '../../core/table.ts';
import { useExplorerState } from '../shared/ExplorerContext.tsx';
import { LoadableView } from '../shared/LoadableView.tsx';
import { sqlNameOf } from '../state/sqlActions.ts';
import { WriteForm } from './WriteForm.tsx';
import { ExportToDelta } from './ExportToDelta.tsx';
import { toWriteDefaults } from './writeDefaults.ts';

/** The Write tab: whether the open table can be written, and the form with its starting values from the table. */
export function WritePanel() {
  const snapshot = useExplorerState((s) => s.snapshot);
  const table = useExplorerState((s) => s.table);
  const label = table?.label ?? 't';
  const readOnly = useExplorerState((s) => s.readOnly);
  const writable = useExplorerState((s) => s.writeOperations.length > 0);
  const firstRow = useExplorerState((s) => (s.rows.status === 'ready' ? s.rows.value.rows[0] : undefined));
  // The form stays while another version loads (a commit selects the new one): it keeps what was typed.
  const [columns, setColumns] = useState<{ label: string; columns: TableColumn[] }>();
  useEffect(() => {
    if (snapshot.status === 'ready') setColumns({ label, columns: snapshot.value.schema.columns });
  }, [snapshot, label]);
  const known = columns?.label === label ? columns.columns : undefined;
  if (!writable) {
    return (
      <section aria-labelledby="write-title" className="panel write-panel">
        <h2 id="write-title">Write</h2>
        <p className="notice" role="status" data-testid="write-unsupported">{readOnly ?? 'Lakelab cannot write to this table.'}</p>
        <ExportToDelta />
      </section>
    );
  }
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
        <WriteForm key={label} defaults={toWriteDefaults(known, sqlNameOf(table), firstRow)} readOnly={readOnly !== undefined} />
      ) : (
        <LoadableView value={snapshot} what="the table's columns">{() => null}</LoadableView>
      )}
      <ExportToDelta />
    </section>
  );
}
