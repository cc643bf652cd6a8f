/**
 * Names for new data files: Hive-style partition folders (`p=value/`, Spark's escaping, nulls
 * as __HIVE_DEFAULT_PARTITION__) and collision-free file names from an injected Rng.
 */
import { randomUuid, type Rng } from '../rng.ts';

export const nullPartitionName = '__HIVE_DEFAULT_PARTITION__';

const needsEscape = /[\u0000-\u001f"#%'*/:=?\\\u007f{}[\]^]/g;

/** Hive/Spark escaping of a partition value for a folder name. */
export function escapePartitionValue(value: string | null): string {
  if (value === null) return nullPartitionName;
  if (value === '') return nullPartitionName;
  return value.replace(needsEscape, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** The relative folder of a partition, e.g. `year=2021/month=%2F`. */
export function toPartitionFolder(partitionColumns: readonly string[], values: Readonly<Record<string, string | null>>): string {
  return partitionColumns.map((c) => `${escapePartitionValue(c)}=${escapePartitionValue(values[c] ?? null)}`).join('/');
}

/** A new data file's path relative to the table, URI-encoded as `add.path` must be. */
export function newDataFilePath(rng: Rng, partitionFolder: string, part = 0): string {
  const name = `part-${String(part).padStart(5, '0')}-${randomUuid(rng)}-c000.snappy.parquet`;
  const relative = partitionFolder ? `${partitionFolder}/${name}` : name;
  return relative.split('/').map(toUriSegment).join('/');
}

function toUriSegment(segment: string): string {
  return segment.replace(/[^A-Za-z0-9\-._~=!$&'()*+,;:@]/g, (c) => encodeURIComponent(c));
}
