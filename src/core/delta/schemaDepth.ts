/**
 * How deep a schema nests its types (struct in array in map ...), measured on the parsed JSON
 * without recursion, before the recursive parse: a schema nested a few thousand levels deep
 * overflowed the stack there ("Maximum call stack size exceeded"), and every reader that walks
 * the schema after it would too.
 */
import { LakeError } from '../errors.ts';

/** Deepest nesting of types a schema may have; real tables stay far below it. */
export const maxSchemaDepth = 100;

export function checkSchemaDepth(json: unknown, what = 'table schema'): void {
  const stack: { type: unknown; depth: number; at: string }[] = [{ type: json, depth: 1, at: '' }];
  while (stack.length > 0) {
    const { type, depth, at } = stack.pop()!;
    if (typeof type !== 'object' || type === null) continue;
    if (depth > maxSchemaDepth) {
      throw new LakeError('Corrupt', `${what} nests types more than ${maxSchemaDepth} levels deep (at ${at.slice(0, 200) || 'the top'}${at.length > 200 ? '...' : ''}); Lakelab reads schemas up to ${maxSchemaDepth} levels`);
    }
    const value = type as Record<string, unknown>;
    if (value.type === 'struct' && Array.isArray(value.fields)) {
      for (const field of value.fields) {
        if (typeof field !== 'object' || field === null) continue;
        const name = (field as { name?: unknown }).name;
        stack.push({ type: (field as { type?: unknown }).type, depth: depth + 1, at: `${at}${at ? '.' : ''}${typeof name === 'string' ? name : '?'}` });
      }
    } else if (value.type === 'array') {
      stack.push({ type: value.elementType, depth: depth + 1, at: `${at}[]` });
    } else if (value.type === 'map') {
      stack.push({ type: value.keyType, depth: depth + 1, at: `${at}{key}` });
      stack.push({ type: value.valueType, depth: depth + 1, at: `${at}{value}` });
    }
  }
}
