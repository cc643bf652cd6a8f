/**
 * Name mappings (ducklake_column_mapping, ducklake_name_mapping): files added from outside with
 * ducklake_add_data_files carry no DuckLake field ids, so the catalog records which of a file's
 * columns (by name, at every nesting level) holds which field; `is_partition` marks a column
 * whose value comes from the file's partition values rather than its data.
 */
import { LakeError } from '../errors.ts';
import type { DucklakeCatalog } from './catalog.ts';
import type { Id } from './catalogRows.ts';

export interface NameMappingNode {
  /** The column's name in the file. */
  sourceName: string;
  /** The DuckLake field (column_id) it holds. */
  fieldId: Id;
  isPartition: boolean;
  children: NameMappingNode[];
}

export function toNameMapping(catalog: DucklakeCatalog, mappingId: Id): NameMappingNode[] {
  const mapping = catalog.columnMappings.find((m) => m.mapping_id === mappingId);
  if (!mapping) throw new LakeError('Corrupt', `${catalog.name}: a data file names column mapping ${mappingId}, which ducklake_column_mapping lacks`);
  if (mapping.type !== null && mapping.type !== 'map_by_name') {
    throw new LakeError('Unsupported', `${catalog.name}: column mapping ${mappingId} is of type ${mapping.type}; Lakelab reads map_by_name mappings`);
  }
  const rows = catalog.nameMappings.filter((r) => r.mapping_id === mappingId);
  const build = (parent: Id | null, depth: number): NameMappingNode[] => {
    if (depth > 64) throw new LakeError('Corrupt', `${catalog.name}: name mapping ${mappingId} nests deeper than 64 levels`);
    return rows
      .filter((r) => r.parent_column === parent)
      .map((r) => ({ sourceName: r.source_name, fieldId: r.target_field_id ?? r.column_id, isPartition: r.is_partition ?? false, children: build(r.column_id, depth + 1) }));
  };
  return build(null, 0);
}
