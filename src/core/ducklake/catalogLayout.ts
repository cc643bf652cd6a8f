/**
 * Which catalog tables and columns each DuckLake spec version has. Taken from the DuckDB 1.5.5
 * ducklake extension (the CREATE TABLE statements it writes at 1.0 and its migrations from 0.1
 * on) and checked against real catalogs of every version (test/fixtures/ducklake).
 */
import { compareReleases, isDevelopmentVersion, releaseOf, type DucklakeRelease, type DucklakeSpecVersion } from './specVersions.ts';

/** How a column's values are read: integers, text, booleans, TIMESTAMPTZ, UUID. */
export type ColumnKind = 'int' | 'text' | 'bool' | 'time' | 'uuid';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
  /** The release that added it (0.1 when omitted). */
  since?: DucklakeRelease;
  /** The release that dropped it. */
  until?: DucklakeRelease;
}

export interface TableSpec {
  /** The name Lakelab uses (the 1.0 name). */
  name: CatalogTableName;
  /** Earlier names, with the release that renamed it. */
  formerly?: readonly { name: string; until: DucklakeRelease }[];
  since?: DucklakeRelease;
  columns: readonly ColumnSpec[];
}

const c = (name: string, kind: ColumnKind, since?: DucklakeRelease, until?: DucklakeRelease): ColumnSpec => ({ name, kind, since, until });
const int = (...names: string[]) => names.map((n) => c(n, 'int'));
const text = (...names: string[]) => names.map((n) => c(n, 'text'));
const versioned = int('begin_snapshot', 'end_snapshot');

export const catalogTables = [
  { name: 'ducklake_metadata', columns: [...text('key', 'value'), c('scope', 'text', '0.2'), c('scope_id', 'int', '0.2')] },
  { name: 'ducklake_snapshot', columns: [c('snapshot_id', 'int'), c('snapshot_time', 'time'), ...int('schema_version', 'next_catalog_id', 'next_file_id')] },
  {
    name: 'ducklake_snapshot_changes',
    columns: [c('snapshot_id', 'int'), c('changes_made', 'text'), c('author', 'text', '0.3'), c('commit_message', 'text', '0.3'), c('commit_extra_info', 'text', '0.3')],
  },
  {
    name: 'ducklake_schema',
    columns: [c('schema_id', 'int'), c('schema_uuid', 'uuid'), ...versioned, c('schema_name', 'text'), c('path', 'text', '0.2'), c('path_is_relative', 'bool', '0.2')],
  },
  {
    name: 'ducklake_table',
    columns: [c('table_id', 'int'), c('table_uuid', 'uuid'), ...versioned, c('schema_id', 'int'), c('table_name', 'text'), c('path', 'text', '0.2'), c('path_is_relative', 'bool', '0.2')],
  },
  { name: 'ducklake_view', columns: [c('view_id', 'int'), c('view_uuid', 'uuid'), ...versioned, c('schema_id', 'int'), ...text('view_name', 'dialect', 'sql', 'column_aliases')] },
  { name: 'ducklake_tag', columns: [c('object_id', 'int'), ...versioned, ...text('key', 'value')] },
  { name: 'ducklake_column_tag', columns: [...int('table_id', 'column_id'), ...versioned, ...text('key', 'value')] },
  {
    name: 'ducklake_data_file',
    columns: [
      ...int('data_file_id', 'table_id'), ...versioned, c('file_order', 'int'), c('path', 'text'), c('path_is_relative', 'bool'), c('file_format', 'text'),
      ...int('record_count', 'file_size_bytes', 'footer_size', 'row_id_start', 'partition_id'), c('encryption_key', 'text'),
      c('partial_file_info', 'text', '0.1', '0.4'), c('mapping_id', 'int', '0.2'), c('partial_max', 'int', '0.4'),
    ],
  },
  {
    name: 'ducklake_file_column_stats',
    formerly: [{ name: 'ducklake_file_column_statistics', until: '0.3' }],
    columns: [...int('data_file_id', 'table_id', 'column_id', 'column_size_bytes', 'value_count', 'null_count'), ...text('min_value', 'max_value'), c('contains_nan', 'bool'), c('extra_stats', 'text', '0.3')],
  },
  {
    name: 'ducklake_delete_file',
    columns: [
      ...int('delete_file_id', 'table_id'), ...versioned, c('data_file_id', 'int'), c('path', 'text'), c('path_is_relative', 'bool'), c('format', 'text'),
      ...int('delete_count', 'file_size_bytes', 'footer_size'), c('encryption_key', 'text'), c('partial_max', 'int', '0.4'),
    ],
  },
  {
    name: 'ducklake_column',
    columns: [
      c('column_id', 'int'), ...versioned, ...int('table_id', 'column_order'), ...text('column_name', 'column_type', 'initial_default', 'default_value'),
      c('nulls_allowed', 'bool'), c('parent_column', 'int'), c('default_value_type', 'text', '0.4'), c('default_value_dialect', 'text', '0.4'),
    ],
  },
  { name: 'ducklake_table_stats', columns: int('table_id', 'record_count', 'next_row_id', 'file_size_bytes') },
  { name: 'ducklake_table_column_stats', columns: [...int('table_id', 'column_id'), c('contains_null', 'bool'), c('contains_nan', 'bool'), ...text('min_value', 'max_value'), c('extra_stats', 'text', '0.3')] },
  { name: 'ducklake_partition_info', columns: [...int('partition_id', 'table_id'), ...versioned] },
  { name: 'ducklake_partition_column', columns: [...int('partition_id', 'table_id', 'partition_key_index', 'column_id'), c('transform', 'text')] },
  { name: 'ducklake_file_partition_value', columns: [...int('data_file_id', 'table_id', 'partition_key_index'), c('partition_value', 'text')] },
  { name: 'ducklake_files_scheduled_for_deletion', columns: [c('data_file_id', 'int'), c('path', 'text'), c('path_is_relative', 'bool'), c('schedule_start', 'time')] },
  { name: 'ducklake_inlined_data_tables', columns: [c('table_id', 'int'), c('table_name', 'text'), c('schema_version', 'int')] },
  { name: 'ducklake_column_mapping', since: '0.2', columns: [...int('mapping_id', 'table_id'), c('type', 'text')] },
  {
    name: 'ducklake_name_mapping',
    since: '0.2',
    columns: [...int('mapping_id', 'column_id'), c('source_name', 'text'), ...int('target_field_id', 'parent_column'), c('is_partition', 'bool', '0.3')],
  },
  { name: 'ducklake_schema_versions', since: '0.3', columns: [...int('begin_snapshot', 'schema_version'), c('table_id', 'int', '0.4')] },
  { name: 'ducklake_macro', since: '0.4', columns: [...int('schema_id', 'macro_id'), c('macro_name', 'text'), ...versioned] },
  { name: 'ducklake_macro_impl', since: '0.4', columns: [...int('macro_id', 'impl_id'), ...text('dialect', 'sql', 'type')] },
  {
    name: 'ducklake_macro_parameters',
    since: '0.4',
    columns: [...int('macro_id', 'impl_id', 'column_id'), ...text('parameter_name', 'parameter_type', 'default_value', 'default_value_type')],
  },
  { name: 'ducklake_sort_info', since: '0.4', columns: [...int('sort_id', 'table_id'), ...versioned] },
  { name: 'ducklake_sort_expression', since: '0.4', columns: [...int('sort_id', 'table_id', 'sort_key_index'), ...text('expression', 'dialect', 'sort_direction', 'null_order')] },
  {
    name: 'ducklake_file_variant_stats',
    since: '0.4',
    columns: [...int('data_file_id', 'table_id', 'column_id'), ...text('variant_path', 'shredded_type'), ...int('column_size_bytes', 'value_count', 'null_count'), ...text('min_value', 'max_value'), c('contains_nan', 'bool'), c('extra_stats', 'text')],
  },
] as const satisfies readonly { name: string; since?: DucklakeRelease; formerly?: readonly { name: string; until: DucklakeRelease }[]; columns: readonly ColumnSpec[] }[];

export type CatalogTableName = (typeof catalogTables)[number]['name'];

/** Whether a column or table exists in a catalog of `version`: always, never, or maybe (development versions). */
export type Presence = 'required' | 'optional' | 'absent';

function inRelease(release: DucklakeRelease, since: DucklakeRelease = '0.1', until?: DucklakeRelease): boolean {
  return compareReleases(since, release) <= 0 && (until === undefined || compareReleases(release, until) < 0);
}

const previousRelease: Record<DucklakeRelease, DucklakeRelease> = { '0.1': '0.1', '0.2': '0.1', '0.3': '0.2', '0.4': '0.3', '1.0': '0.4' };

export function presenceIn(version: DucklakeSpecVersion, since?: DucklakeRelease, until?: DucklakeRelease): Presence {
  const release = releaseOf(version);
  const now = inRelease(release, since, until);
  if (!isDevelopmentVersion(version)) return now ? 'required' : 'absent';
  const before = inRelease(previousRelease[release], since, until);
  return now && before ? 'required' : now || before ? 'optional' : 'absent';
}

/** The names a table may have in a catalog of `version`, its current name first. */
export function tableNamesIn(spec: TableSpec, version: DucklakeSpecVersion): string[] {
  const formerly = spec.formerly ?? [];
  const names: string[] = [];
  if (presenceIn(version, formerly.at(-1)?.until ?? spec.since) !== 'absent') names.push(spec.name);
  let since = spec.since;
  for (const former of formerly) {
    if (presenceIn(version, since, former.until) !== 'absent') names.push(former.name);
    since = former.until;
  }
  return names;
}
