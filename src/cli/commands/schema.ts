import type { StructField } from '../../core/delta/schemaTypes.ts';
import { toTypeLabel } from '../../core/delta/typeLabel.ts';
import { flagString, type ParsedArgs } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { formatOption, help, readAtOptions, tablePositional } from '../commonOptions.ts';
import { toOutputFormat, writeRows } from '../output.ts';
import { openTableAt } from '../tableArgs.ts';

export const schemaCommand: Command = {
  spec: {
    name: 'schema',
    summary: "the table's columns at a version (nested fields as parent.child)",
    positionals: tablePositional,
    options: [...readAtOptions, formatOption('table'), help],
  },
  run: runSchema,
};

async function runSchema(args: ParsedArgs, io: Io): Promise<number> {
  const { snapshot } = await openTableAt(args, io);
  const format = toOutputFormat(flagString(args, 'format'), 'table');
  const partitionColumns = new Set(snapshot.metadata.partitionColumns);
  const rows = snapshot.schema.fields.flatMap((field) => toSchemaRows(field, '', partitionColumns));
  writeRows(io.stdout, format, ['column', 'type', 'nullable', 'partition', 'metadata'], rows);
  return 0;
}

function toSchemaRows(field: StructField, prefix: string, partitionColumns: Set<string>): Record<string, unknown>[] {
  const column = prefix + field.name;
  const row = {
    column,
    type: toTypeLabel(field.type),
    nullable: field.nullable,
    partition: prefix === '' && partitionColumns.has(field.name),
    metadata: Object.keys(field.metadata).length > 0 ? field.metadata : null,
  };
  const nested = typeof field.type === 'object' && field.type.type === 'struct'
    ? field.type.fields.flatMap((child) => toSchemaRows(child, `${column}.`, partitionColumns))
    : [];
  return [row, ...nested];
}
