/**
 * What to read for a scan, as plain data: core plans it (planScan.ts), the query layer
 * (src/query/deltaScan.ts) executes it with parquet-wasm into Arrow record batches.
 */
import type { DeletionVectorDescriptor } from './actions.ts';
import type { DataType, StructType } from './schemaTypes.ts';

/**
 * A typed value, from a string-encoded partition value (PROTOCOL.md "Partition Value
 * Serialization"): string -> string; byte/short/integer/float/double -> number;
 * long -> bigint; boolean -> boolean; date -> days since epoch (number);
 * timestamp/timestamp_ntz -> microseconds since epoch (bigint); decimal -> the exact decimal
 * string with its scale ("12.30"); binary -> Uint8Array; null partition -> null.
 */
export type TypedValue = string | number | bigint | boolean | Uint8Array | null;

/** A column to read: its logical name (shown to users) and how to find it in the files. */
export interface ScanColumn {
  logicalName: string;
  type: DataType;
  nullable: boolean;
  /** Name in the Parquet files (column mapping `name`/`id` mode), else the logical name. */
  physicalName: string;
  /** Parquet field id (column mapping `id` mode). */
  fieldId?: number;
  /** Partition columns are not in the files; their value comes from the file's partitionValues. */
  isPartition: boolean;
}

export interface ScanFile {
  /** Store key of the data file (tableRoot joined with the URI-decoded path). */
  key: string;
  size: number;
  /** Typed partition values keyed by logical column name. */
  partitionValues: Record<string, TypedValue>;
  deletionVector?: DeletionVectorDescriptor;
  /** From stats, when present. */
  numRecords?: number;
}

export interface ScanPlan {
  version: number;
  tableRoot: string;
  /** The output columns in order (the projection). */
  columns: ScanColumn[];
  /** The full logical schema (for nested type conversion of physical names). */
  schema: StructType;
  /** Column mapping mode of the table. */
  columnMappingMode: 'none' | 'name' | 'id';
  files: ScanFile[];
  /** Files skipped on partition values or stats. */
  skippedFiles: number;
}
