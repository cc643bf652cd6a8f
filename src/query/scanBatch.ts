/**
 * One data file's share of a scan: a column source per output column (an Arrow vector from
 * the file, a partition value, or nulls for a column the file predates) and the row positions
 * that survive the deletion vector and the row filter.
 */
import type { Vector } from 'apache-arrow';
import type { ScanColumn, TypedValue } from '../core/delta/scanPlan.ts';
import type { ColumnMappingMode } from '../core/delta/columnMapping.ts';

export type ColumnSource =
  | { kind: 'vector'; vector: Vector }
  | { kind: 'constant'; value: TypedValue }
  | { kind: 'null' };

export interface ScanBatch {
  /** Store key of the data file the rows come from. */
  fileKey: string;
  columns: ScanColumn[];
  /** How the file names nested struct fields (physical names, field ids), as the table's column mapping says. */
  columnMappingMode: ColumnMappingMode;
  sources: ColumnSource[];
  /** Positions in the file's rows, ascending. */
  selection: Uint32Array;
}
