import type { RowsResult } from '../../workers/protocol.ts';
import { formatCell } from '../shared/format.ts';
import { VirtualRows } from '../shared/VirtualRows.tsx';

export function RowsGrid({ result }: { result: RowsResult }) {
  return (
    <div className="rows-grid">
      <p className="muted" data-testid="row-count">
        {result.rows.length} rows{result.truncated ? ' shown (more not loaded)' : ''}
      </p>
      <VirtualRows
        testId="rows"
        rowCount={result.rows.length}
        header={result.columns}
        renderRow={(i) => {
          const row = result.rows[i] ?? {};
          return result.columns.map((column) => {
            const value = row[column];
            return value === null || value === undefined ? <span key={column} className="null">null</span> : formatCell(value);
          });
        }}
      />
    </div>
  );
}
