/** What a scan reads, as plain data: projected columns, files (skipped where possible), typed partition values. */
import { LakeError } from '../errors.ts';
import type { DeltaSnapshot } from './snapshot.ts';
import type { ScanColumn, ScanFile, ScanPlan } from './scanPlan.ts';
import type { DataType } from './schemaTypes.ts';
import { fieldIdOf, physicalNameOf, toColumnMappingMode, toPhysicalPath } from './columnMapping.ts';
import { toTypedPartitionValue } from './partitionValues.ts';
import { parseStats } from './stats.ts';
import { canSkipFile } from './fileSkipping.ts';
import type { Predicate } from './predicate.ts';
import { toDataFileKey } from './dataPaths.ts';
import { hasTypeChanges } from './typeWidening.ts';
import { checkPredicateColumns, toColumnPathType } from './columnPath.ts';

export interface ScanOptions {
  /** Logical column names, in output order (all columns when omitted). */
  columns?: string[];
  predicate?: Predicate;
}

export function planScan(snapshot: DeltaSnapshot, options: ScanOptions = {}): ScanPlan {
  const mode = toColumnMappingMode(snapshot.metadata);
  const partitionColumns = new Set(snapshot.metadata.partitionColumns);
  const all: ScanColumn[] = snapshot.schema.fields.map((field) => ({
    logicalName: field.name,
    type: field.type,
    nullable: field.nullable,
    physicalName: physicalNameOf(field, mode),
    fieldId: fieldIdOf(field),
    isPartition: partitionColumns.has(field.name),
  }));
  const byName = new Map(all.map((c) => [c.logicalName, c]));
  const columns = options.columns ? options.columns.map((name) => requireColumn(byName, name)) : all;
  if (options.predicate) checkPredicateColumns(snapshot.schema.fields, options.predicate);

  const typeOf = (name: string): DataType => byName.get(name)?.type ?? toColumnPathType(snapshot.schema.fields, name);
  const statsKeyOf = (name: string) => byName.get(name)?.physicalName ?? toPhysicalPath(snapshot.schema, name, mode) ?? name;
  const widened = new Set(snapshot.schema.fields.filter(hasTypeChanges).map((f) => f.name));
  const ignoresStats = (name: string) => widened.has(name.split('.')[0] ?? name);
  const files: ScanFile[] = [];
  let skippedFiles = 0;
  for (const add of snapshot.files) {
    const partitionStrings = new Map<string, string | null>();
    for (const column of all) {
      if (column.isPartition) partitionStrings.set(column.logicalName, add.partitionValues[column.physicalName] ?? add.partitionValues[column.logicalName] ?? null);
    }
    const stats = parseStats(add);
    if (options.predicate && canSkipFile(options.predicate, { partitionValues: partitionStrings, stats, statsKeyOf, typeOf, ignoresStats })) {
      skippedFiles++;
      continue;
    }
    const partitionValues: ScanFile['partitionValues'] = {};
    for (const [name, text] of partitionStrings) partitionValues[name] = toTypedPartitionValue(text, typeOf(name), name);
    files.push({
      key: toDataFileKey(snapshot.tableRoot, add.path),
      size: add.size,
      partitionValues,
      deletionVector: add.deletionVector ?? undefined,
      numRecords: stats?.numRecords,
    });
  }
  return { version: snapshot.version, tableRoot: snapshot.tableRoot, columns, schema: snapshot.schema, columnMappingMode: mode, files, skippedFiles };
}

function requireColumn(byName: Map<string, ScanColumn>, name: string): ScanColumn {
  const column = byName.get(name);
  if (!column) throw new LakeError('InvalidInput', `no column "${name}"; the table has: ${[...byName.keys()].join(', ')}`);
  return column;
}
