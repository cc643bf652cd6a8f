/**
 * The Delta schema model, shaped exactly like its JSON serialisation
 * (PROTOCOL.md "Schema Serialization Format"), so parsing is JSON.parse plus validation.
 */
export type PrimitiveType =
  | 'string' | 'long' | 'integer' | 'short' | 'byte' | 'float' | 'double'
  | 'boolean' | 'binary' | 'date' | 'timestamp' | 'timestamp_ntz'
  | `decimal(${number},${number})`;

export type DataType = PrimitiveType | StructType | ArrayType | MapType;

export interface StructField {
  name: string;
  type: DataType;
  nullable: boolean;
  metadata: Record<string, unknown>;
}

export interface StructType {
  type: 'struct';
  fields: StructField[];
}

export interface ArrayType {
  type: 'array';
  elementType: DataType;
  containsNull: boolean;
}

export interface MapType {
  type: 'map';
  keyType: DataType;
  valueType: DataType;
  valueContainsNull: boolean;
}
