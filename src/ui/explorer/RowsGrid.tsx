import type { RowsResult } from '../../workers/protocol.ts';
import { formatCell } from '../shared/format.ts';

export function RowsGrid({ result }: { result: RowsResult }) {
  return (
    <div className="rows-grid">
      <p className="muted" data-testid="row-count">
        {result.rows.length} rows{result.truncated ? ' shown (more not loaded)' : ''}
      </p>
      <div className="scroll">
        <table className="grid" data-testid="rows">
          <thead>
            <tr>
              {result.columns.map((column) => (
                <th key={column} scope="col">{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row, index) => (
              <tr key={index}>
                {result.columns.map((column) => {
                  const value = row[column];
                  return (
                    <td key={column} className={value === null ? 'null' : ''}>{formatCell(value)}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
