/**
 * Whether a Delta reader would read a DuckLake data file as the snapshot does, from the file's
 * own Parquet schema: each of the snapshot's columns found where the reader looks for it (by
 * field id with column mapping, by name without; struct children by physical name with it), of
 * the same type, and absent only where null is right (no initial default). A file that does not
 * must be written out. Its footer, not the catalog, says: a compacted file keeps the names and
 * columns of the files it merged.
 */
import type { Id } from '../catalogRows.ts';
import type { DucklakeField, DucklakeType } from '../columnTree.ts';
import type { FileField } from './exportFacts.ts';

const arrowKinds: Record<string, string> = {
  int8: 'Int8', int16: 'Int16', int32: 'Int32', int64: 'Int64', float32: 'Float32', float64: 'Float64', varchar: 'Utf8', json: 'Utf8',
  blob: 'Binary', boolean: 'Bool', date: 'Date', timestamp: 'Timestamp', timestamptz: 'Timestamp',
};

export function fileReadsAs(file: readonly FileField[], fields: readonly DucklakeField[], byId: boolean, physical: (id: Id) => string): boolean {
  return fields.every((field) => {
    const found = byId ? file.find((f) => f.id === field.id) : file.find((f) => f.name === field.name);
    if (found) return sameType(found, field.type, byId, physical);
    // Without column mapping a renamed column is not found by its new name, and reads as null.
    if (!byId && file.some((f) => f.id === field.id)) return false;
    return field.initialDefault === null || field.initialDefault === 'NULL';
  });
}

function sameType(file: FileField, type: DucklakeType, byId: boolean, physical: (id: Id) => string): boolean {
  switch (type.kind) {
    case 'primitive': {
      const decimal = type.name.startsWith('decimal');
      const kind = decimal ? 'Decimal' : arrowKinds[type.name];
      return kind !== undefined && file.type.startsWith(kind) && (decimal || !/^Int(8|16|32|64)$/.test(kind) || file.type === kind);
    }
    case 'struct':
      return file.type.startsWith('Struct') && type.fields.every((child) => {
        const name = byId ? physical(child.id) : child.name;
        const found = file.children.find((f) => f.name === name && (!byId || f.id === undefined || f.id === child.id));
        return found ? sameType(found, child.type, byId, physical) : child.initialDefault === null || child.initialDefault === 'NULL';
      });
    case 'list':
      return file.type.startsWith('List') && file.children.length === 1 && sameType(file.children[0]!, type.element.type, byId, physical);
    case 'map': {
      const entries = file.children[0];
      return file.type.startsWith('Map') && entries !== undefined && entries.children.length === 2
        && sameType(entries.children[0]!, type.key.type, byId, physical) && sameType(entries.children[1]!, type.value.type, byId, physical);
    }
  }
}
