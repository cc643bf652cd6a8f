import { useEffect, useMemo, useRef, useState } from 'react';
import {
  flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable,
  type ColumnDef, type ColumnFiltersState, type FilterFn, type SortingFn, type SortingState,
} from '@tanstack/react-table';
import { formatCell } from './format.ts';

type Row = Record<string, unknown>;

interface Props {
  columns: string[];
  rows: Row[];
  testId?: string;
  rowHeight?: number;
  height?: number;
}

const textOf = (value: unknown) => (value === null || value === undefined ? '' : formatCell(value));

/** Numbers by value, everything else by its text; nulls last. */
const byValue: SortingFn<Row> = (a, b, id) => {
  const x = a.getValue(id);
  const y = b.getValue(id);
  if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
  if (y === null || y === undefined) return -1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return textOf(x).localeCompare(textOf(y), 'en', { numeric: true });
};

const containsText: FilterFn<Row> = (row, id, filter: string) => textOf(row.getValue(id)).toLowerCase().includes(filter.toLowerCase());

/**
 * Rows in a grid on TanStack Table: click a column's name to sort (again to reverse, a third time
 * to restore), type under it to filter, drag its edge to resize. Only the rows in view render.
 */
export function DataGrid({ columns, rows, testId, rowHeight = 28, height = 420 }: Props) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [scrollTop, setScrollTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setBoxWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const defs = useMemo<ColumnDef<Row>[]>(() => columns.map((name) => ({
    id: name,
    header: name,
    accessorFn: (row) => row[name],
    sortingFn: byValue,
    filterFn: containsText,
    sortUndefined: 'last',
    sortDescFirst: false,
    cell: (info) => {
      const value = info.getValue();
      return value === null || value === undefined ? <span className="null">null</span> : formatCell(value);
    },
  })), [columns]);
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting, columnFilters: filters },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    // Columns share the grid's width until one is dragged; then each keeps its own.
    defaultColumn: { size: Math.max(96, Math.floor((boxWidth - 2) / Math.max(1, columns.length))), minSize: 48 },
  });
  const shown = table.getRowModel().rows;
  const overscan = 10;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <div ref={box} className="virtual data-grid" style={{ maxHeight: height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0}>
      <table className="grid" data-testid={testId} style={{ width: table.getTotalSize(), tableLayout: 'fixed' }}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    style={{ width: header.getSize() }}
                  >
                    <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()} aria-label={`Sort by ${header.column.id}`}>
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </button>
                    <div
                      className={`resizer${header.column.getIsResizing() ? ' resizing' : ''}`}
                      onMouseDown={header.getResizeHandler()}
                      onTouchStart={header.getResizeHandler()}
                      onDoubleClick={() => header.column.resetSize()}
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={`Resize ${header.column.id}`}
                    />
                  </th>
                );
              })}
            </tr>
          ))}
          <tr className="filters">
            {table.getLeafHeaders().map((header) => (
              <td key={header.id}>
                <input
                  type="search"
                  aria-label={`Filter ${header.column.id}`}
                  placeholder="filter"
                  value={(header.column.getFilterValue() as string | undefined) ?? ''}
                  onChange={(e) => header.column.setFilterValue(e.target.value || undefined)}
                />
              </td>
            ))}
          </tr>
        </thead>
        <tbody>
          {first > 0 && <tr style={{ height: first * rowHeight }} aria-hidden="true" />}
          {shown.slice(first, last).map((row) => (
            <tr key={row.id} style={{ height: rowHeight }} data-row={row.index}>
              {row.getVisibleCells().map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)}
            </tr>
          ))}
          {last < shown.length && <tr style={{ height: (shown.length - last) * rowHeight }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
