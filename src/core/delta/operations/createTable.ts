/** CREATE TABLE: protocol and metadata actions for a new table, at version 0. */
import type { Action, Add, Protocol } from '../actions.ts';
import type { StructType, DataType } from '../schemaTypes.ts';
import { toSchemaString } from '../schema.ts';
import { LakeError } from '../../errors.ts';
import { hasInCommitTimestamps, type IsolationLevel, type Transaction } from '../transaction.ts';

export interface CreateTableSpec {
  tableRoot: string;
  /** The table id (a UUID; callers draw it from their Rng). */
  id: string;
  schema: StructType;
  partitionColumns?: string[];
  configuration?: Record<string, string>;
  name?: string;
  description?: string;
  createdTime: number;
  /** Initial data files (a CREATE TABLE AS or the first write). */
  adds?: Add[];
}

export function planCreateTable(spec: CreateTableSpec): Transaction {
  const partitionColumns = spec.partitionColumns ?? [];
  for (const column of partitionColumns) {
    const field = spec.schema.fields.find((f) => f.name === column);
    if (!field) throw new LakeError('InvalidInput', `partition column "${column}" is not in the schema`);
    if (typeof field.type !== 'string') throw new LakeError('InvalidInput', `partition column "${column}" must have a primitive type`);
  }
  const protocol = toNewTableProtocol(spec.schema, spec.configuration ?? {});
  const actions: Action[] = [
    { protocol },
    {
      metaData: {
        id: spec.id,
        name: spec.name ?? null,
        description: spec.description ?? null,
        format: { provider: 'parquet', options: {} },
        schemaString: toSchemaString(spec.schema),
        partitionColumns,
        createdTime: spec.createdTime,
        configuration: spec.configuration ?? {},
      },
    },
    ...(spec.adds ?? []).map((add) => ({ add })),
  ];
  return {
    tableRoot: spec.tableRoot,
    readVersion: -1,
    isolationLevel: toTableIsolation(spec.configuration),
    operation: 'CREATE TABLE',
    operationParameters: {
      mode: 'ErrorIfExists',
      location: spec.tableRoot,
      protocol: JSON.stringify(protocol),
      metadata: JSON.stringify({ partitionColumns, configuration: spec.configuration ?? {} }),
    },
    readFiles: [],
    readWholeTable: false,
    actions,
    isBlindAppend: false,
    inCommitTimestamps: hasInCommitTimestamps(spec.configuration),
  };
}

/**
 * Reader 1 / writer 2 unless a table feature is needed: timestampNtz columns or deletion vectors
 * (reader and writer features, 3/7) or in-commit timestamps (writer feature, 1/7); column mapping alone is
 * 2/5. With writer version 7 every feature in use is listed, appendOnly and columnMapping included.
 * (The schema must already carry the column mapping ids and physical names.)
 */
export function toNewTableProtocol(schema: StructType, configuration: Readonly<Record<string, string>>): Protocol {
  const columnMapping = ['name', 'id'].includes(configuration['delta.columnMapping.mode'] ?? '');
  const readerFeatures = usesType(schema, 'timestamp_ntz') ? ['timestampNtz'] : [];
  // delta.enableDeletionVectors turns the feature on, as Spark does at CREATE TABLE (reader and writer feature, 3/7).
  if (configuration['delta.enableDeletionVectors'] === 'true') readerFeatures.push('deletionVectors');
  const writerFeatures = [...readerFeatures];
  if (hasInCommitTimestamps(configuration)) writerFeatures.push('inCommitTimestamp');
  if (writerFeatures.length === 0) return columnMapping ? { minReaderVersion: 2, minWriterVersion: 5 } : { minReaderVersion: 1, minWriterVersion: 2 };
  if (columnMapping) {
    readerFeatures.push('columnMapping');
    writerFeatures.push('columnMapping');
  }
  if (configuration['delta.appendOnly'] === 'true') writerFeatures.push('appendOnly');
  return readerFeatures.length > 0
    ? { minReaderVersion: 3, minWriterVersion: 7, readerFeatures, writerFeatures }
    : { minReaderVersion: 1, minWriterVersion: 7, writerFeatures };
}

export function toTableIsolation(configuration: Record<string, string> | undefined): IsolationLevel {
  const level = configuration?.['delta.isolationLevel'];
  return level === 'WriteSerializable' || level === 'SnapshotIsolation' ? level : 'Serializable';
}

function usesType(schema: StructType, name: string): boolean {
  const visit = (type: DataType): boolean =>
    typeof type === 'string' ? type === name
      : type.type === 'struct' ? type.fields.some((f) => visit(f.type))
      : type.type === 'array' ? visit(type.elementType)
      : visit(type.keyType) || visit(type.valueType);
  return visit(schema);
}
