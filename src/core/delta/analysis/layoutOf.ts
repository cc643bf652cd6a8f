/** A Delta snapshot's layout preview: its files as layout files, its target size, and its clustering columns where declared. */
import { planLayout, toTargetFileSize, type LayoutFile, type LayoutPreview } from '../../analysis/layoutPreview.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import { parseStats } from '../stats.ts';

export interface DeltaLayout extends LayoutPreview<LayoutFile> {
  version: number;
  partitionColumns: string[];
  /** Liquid clustering columns (domain `delta.clustering`, or Databricks' `delta.liquid`), physical names; null when none are declared. */
  clusteringColumns: string[] | null;
}

export function toDeltaLayout(snapshot: DeltaSnapshot, targetSize?: number): DeltaLayout {
  const files: LayoutFile[] = snapshot.files.map((add) => {
    const records = parseStats(add)?.numRecords;
    return { path: add.path, size: add.size, partitionValues: add.partitionValues, rows: records === undefined ? null : records - (add.deletionVector?.cardinality ?? 0) };
  });
  return {
    version: snapshot.version,
    partitionColumns: snapshot.metadata.partitionColumns,
    clusteringColumns: toClusteringColumns(snapshot),
    ...planLayout(files, snapshot.metadata.partitionColumns, toTargetFileSize(snapshot.metadata.configuration, targetSize)),
  };
}

function toClusteringColumns(snapshot: DeltaSnapshot): string[] | null {
  for (const domain of ['delta.clustering', 'delta.liquid']) {
    const entry = snapshot.domainMetadata.get(domain);
    if (!entry) continue;
    try {
      const parsed = JSON.parse(entry.configuration) as { clusteringColumns?: unknown[] };
      const columns = (parsed.clusteringColumns ?? []).map((c) => {
        const path = Array.isArray(c) ? c : (c as { physicalName?: unknown[] }).physicalName;
        return Array.isArray(path) ? path.map(String).join('.') : String(c);
      });
      return columns;
    } catch {
      return null;
    }
  }
  return null;
}

/** The columns the newest Z-ordering OPTIMIZE sorted by (its commitInfo's operationParameters.zOrderBy), with its version. */
export function toZOrder(versions: readonly { version: number; details: Record<string, unknown> }[]): { version: number; columns: string[] } | null {
  for (const v of [...versions].sort((a, b) => b.version - a.version)) {
    if (v.details.operation !== 'OPTIMIZE') continue;
    const zOrderBy = (v.details.operationParameters as Record<string, unknown> | undefined)?.zOrderBy;
    if (typeof zOrderBy !== 'string') continue;
    try {
      const columns = JSON.parse(zOrderBy) as unknown;
      if (Array.isArray(columns) && columns.length > 0) return { version: v.version, columns: columns.map(String) };
    } catch {
      // not JSON: not a column list
    }
  }
  return null;
}
