/**
 * `metaData.schemaString` to the schema model and back (PROTOCOL.md "Schema Serialization
 * Format"). Unknown primitive types parse as they are: the feature gate reports them.
 */
import { LakeError } from '../errors.ts';
import type { DataType, StructField, StructType } from './schemaTypes.ts';
import { checkSchemaDepth } from './schemaDepth.ts';

const primitiveAliases: Record<string, string> = {
  timestampWithoutTimezone: 'timestamp_ntz',
  timestampNtz: 'timestamp_ntz',
  int: 'integer',
  bigint: 'long',
};

export const knownPrimitiveTypes = new Set([
  'string', 'long', 'integer', 'short', 'byte', 'float', 'double', 'boolean', 'binary', 'date', 'timestamp', 'timestamp_ntz',
]);

const decimalPattern = /^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$/;

export function parseSchema(schemaString: string): StructType {
  let json: unknown;
  try {
    json = JSON.parse(schemaString);
  } catch (error) {
    throw new LakeError('Corrupt', `table schema is not valid JSON (${(error as Error).message})`, { cause: error });
  }
  checkSchemaDepth(json);
  const type = toDataType(json, 'schema');
  if (typeof type === 'string' || type.type !== 'struct') throw new LakeError('Corrupt', 'table schema must be a struct');
  return type;
}

export function toSchemaString(schema: StructType): string {
  return JSON.stringify(schema);
}

function toDataType(json: unknown, at: string): DataType {
  if (typeof json === 'string') {
    const name = primitiveAliases[json] ?? json;
    const decimal = decimalPattern.exec(name);
    if (decimal) {
      const precision = Number(decimal[1]);
      const scale = Number(decimal[2]);
      if (precision < 1 || precision > 38 || scale > precision) throw new LakeError('Corrupt', `${at}: invalid ${name}`);
      return `decimal(${precision},${scale})`;
    }
    if (name === 'decimal') return 'decimal(10,0)';
    return name as DataType;
  }
  if (typeof json !== 'object' || json === null) throw new LakeError('Corrupt', `${at}: a type must be a string or an object`);
  const value = json as Record<string, unknown>;
  switch (value.type) {
    case 'struct': {
      if (!Array.isArray(value.fields)) throw new LakeError('Corrupt', `${at}: struct without "fields"`);
      return { type: 'struct', fields: value.fields.map((f, i) => toField(f, `${at}.fields[${i}]`)) };
    }
    case 'array':
      return {
        type: 'array',
        elementType: toDataType(value.elementType, `${at}.elementType`),
        containsNull: value.containsNull !== false,
      };
    case 'map':
      return {
        type: 'map',
        keyType: toDataType(value.keyType, `${at}.keyType`),
        valueType: toDataType(value.valueType, `${at}.valueType`),
        valueContainsNull: value.valueContainsNull !== false,
      };
    default:
      throw new LakeError('Corrupt', `${at}: unknown type ${JSON.stringify(value.type)}`);
  }
}

function toField(json: unknown, at: string): StructField {
  if (typeof json !== 'object' || json === null) throw new LakeError('Corrupt', `${at}: a field must be an object`);
  const value = json as Record<string, unknown>;
  if (typeof value.name !== 'string') throw new LakeError('Corrupt', `${at}: field without a "name"`);
  const where = `column "${value.name}"`;
  return {
    name: value.name,
    type: toDataType(value.type, where),
    nullable: value.nullable !== false,
    metadata: typeof value.metadata === 'object' && value.metadata !== null ? (value.metadata as Record<string, unknown>) : {},
  };
}

/** Primitive type names the schema uses that Lakelab cannot read (e.g. variant, void, geometry). */
export function findUnknownTypes(type: DataType, found = new Set<string>()): Set<string> {
  if (typeof type === 'string') {
    if (!knownPrimitiveTypes.has(type) && !decimalPattern.test(type)) found.add(type);
  } else if (type.type === 'struct') {
    for (const field of type.fields) findUnknownTypes(field.type, found);
  } else if (type.type === 'array') {
    findUnknownTypes(type.elementType, found);
  } else {
    findUnknownTypes(type.keyType, found);
    findUnknownTypes(type.valueType, found);
  }
  return found;
}

export function decimalOf(type: DataType): { precision: number; scale: number } | undefined {
  if (typeof type !== 'string') return undefined;
  const m = decimalPattern.exec(type);
  return m ? { precision: Number(m[1]), scale: Number(m[2]) } : undefined;
}
