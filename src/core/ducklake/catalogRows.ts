/**
 * The catalog's tables as typed rows, named as the DuckLake spec names them (snake_case), in
 * the 1.0 shape whatever the catalog's version: columns a version lacks are null, 0.1's
 * `partial_file_info` becomes `partial_max`, 0.1's positional partition columns become ids.
 * Times are microseconds since the Unix epoch (UTC).
 */
export type Id = number;

/** begin_snapshot <= S < end_snapshot (end null: still live). */
export interface Versioned {
  begin_snapshot: Id;
  end_snapshot: Id | null;
}

export interface MetadataRow { key: string; value: string; scope: string | null; scope_id: Id | null }

export interface SnapshotRow { snapshot_id: Id; snapshot_time: number; schema_version: number; next_catalog_id: Id; next_file_id: Id }

export interface SnapshotChangesRow {
  snapshot_id: Id;
  changes_made: string | null;
  author: string | null;
  commit_message: string | null;
  commit_extra_info: string | null;
}

export interface SchemaRow extends Versioned { schema_id: Id; schema_uuid: string | null; schema_name: string; path: string | null; path_is_relative: boolean | null }

export interface TableRow extends Versioned {
  table_id: Id;
  table_uuid: string | null;
  schema_id: Id;
  table_name: string;
  path: string | null;
  path_is_relative: boolean | null;
}

export interface ViewRow extends Versioned {
  view_id: Id;
  view_uuid: string | null;
  schema_id: Id;
  view_name: string;
  dialect: string | null;
  sql: string | null;
  column_aliases: string | null;
}

export interface ColumnRow extends Versioned {
  column_id: Id;
  table_id: Id;
  column_order: number;
  column_name: string;
  column_type: string;
  initial_default: string | null;
  default_value: string | null;
  nulls_allowed: boolean | null;
  parent_column: Id | null;
  default_value_type: string | null;
  default_value_dialect: string | null;
}

export interface DataFileRow extends Versioned {
  data_file_id: Id;
  table_id: Id;
  file_order: number | null;
  path: string;
  path_is_relative: boolean | null;
  file_format: string | null;
  record_count: number;
  file_size_bytes: number;
  footer_size: number | null;
  row_id_start: number | null;
  partition_id: Id | null;
  encryption_key: string | null;
  mapping_id: Id | null;
  partial_max: Id | null;
}

export interface DeleteFileRow extends Versioned {
  delete_file_id: Id;
  table_id: Id;
  data_file_id: Id;
  path: string;
  path_is_relative: boolean | null;
  format: string | null;
  delete_count: number;
  file_size_bytes: number;
  footer_size: number | null;
  encryption_key: string | null;
  partial_max: Id | null;
}

export interface FileColumnStatsRow {
  data_file_id: Id;
  table_id: Id;
  column_id: Id;
  column_size_bytes: number | null;
  value_count: number | null;
  null_count: number | null;
  min_value: string | null;
  max_value: string | null;
  contains_nan: boolean | null;
  extra_stats: string | null;
}

export interface TableStatsRow { table_id: Id; record_count: number | null; next_row_id: number | null; file_size_bytes: number | null }

export interface TableColumnStatsRow {
  table_id: Id;
  column_id: Id;
  contains_null: boolean | null;
  contains_nan: boolean | null;
  min_value: string | null;
  max_value: string | null;
  extra_stats: string | null;
}

export interface PartitionInfoRow extends Versioned { partition_id: Id; table_id: Id }
export interface PartitionColumnRow { partition_id: Id; table_id: Id; partition_key_index: number; column_id: Id; transform: string | null }
export interface FilePartitionValueRow { data_file_id: Id; table_id: Id; partition_key_index: number; partition_value: string | null }
export interface FileScheduledForDeletionRow { data_file_id: Id; path: string; path_is_relative: boolean | null; schedule_start: number | null }
export interface InlinedDataTableRow { table_id: Id; table_name: string; schema_version: number }
export interface ColumnMappingRow { mapping_id: Id; table_id: Id; type: string | null }

export interface NameMappingRow {
  mapping_id: Id;
  column_id: Id;
  source_name: string;
  target_field_id: Id | null;
  parent_column: Id | null;
  is_partition: boolean | null;
}

export interface SchemaVersionRow { begin_snapshot: Id; schema_version: number; table_id: Id | null }
export interface MacroRow extends Versioned { schema_id: Id; macro_id: Id; macro_name: string }
export interface MacroImplRow { macro_id: Id; impl_id: Id; dialect: string | null; sql: string | null; type: string | null }
export interface TagRow extends Versioned { object_id: Id; key: string; value: string | null }
export interface ColumnTagRow extends Versioned { table_id: Id; column_id: Id; key: string; value: string | null }
