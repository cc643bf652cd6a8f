import { useState, type ReactNode } from 'react';

interface Props {
  rowCount: number;
  header: string[];
  renderRow: (index: number) => ReactNode[];
  rowHeight?: number;
  height?: number;
  testId?: string;
  rowProps?: (index: number) => Record<string, string | number | boolean | undefined>;
}

/** A table that renders only the rows in view, so 100,000 rows scroll smoothly. */
export function VirtualRows({ rowCount, header, renderRow, rowHeight = 28, height = 420, testId, rowProps }: Props) {
  const [scrollTop, setScrollTop] = useState(0);
  const overscan = 10;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const indexes = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  return (
    <div className="virtual" style={{ maxHeight: height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0}>
      <table className="grid" data-testid={testId}>
        <thead>
          <tr>{header.map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * rowHeight }} aria-hidden="true" />}
          {indexes.map((i) => (
            <tr key={i} style={{ height: rowHeight }} data-row={i} {...rowProps?.(i)}>
              {renderRow(i).map((cell, c) => <td key={c}>{cell}</td>)}
            </tr>
          ))}
          {last < rowCount && <tr style={{ height: (rowCount - last) * rowHeight }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
