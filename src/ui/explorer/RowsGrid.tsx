import type { RowsResult } from '../../workers/protocol.ts';
import { DataGrid } from '../shared/DataGrid.tsx';

export function RowsGrid({ result }: { result: RowsResult }) {
  return (
    <div className="rows-grid">
      <p className="muted" data-testid="row-count">
        {result.rows.length} rows{result.truncated ? ' shown (more not loaded)' : ''}
      </p>
      <DataGrid testId="rows" columns={result.columns} rows={result.rows} />
    </div>
  );
}
