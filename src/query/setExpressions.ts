/**
 * The values an UPDATE or MERGE sets: a literal (number, 'text', true, false, null) or a
 * column, optionally with its alias (`s.value`, `t.id`).
 */
import { LakeError } from '../core/errors.ts';

export type SetExpression =
  | { kind: 'literal'; value: unknown }
  /** alias undefined: the default alias (the target's). */
  | { kind: 'column'; alias: string | undefined; column: string }
  | { kind: 'invalid'; error: LakeError };

export function parseSetExpression(expression: string): SetExpression {
  const text = expression.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return { kind: 'literal', value: /^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text)) ? text : Number(text) };
  if (/^'(?:[^']|'')*'$/.test(text)) return { kind: 'literal', value: text.slice(1, -1).replace(/''/g, "'") };
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
  if (lower === 'null') return { kind: 'literal', value: null };
  const m = /^(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*|`[^`]+`)$/.exec(text);
  if (m) return { kind: 'column', alias: m[1], column: (m[2] ?? '').replace(/^`|`$/g, '') };
  return { kind: 'invalid', error: new LakeError('InvalidInput', `"${text}": Lakelab sets literals or columns (like 'x', 42, s.value), not expressions`) };
}

/** Which side a column expression reads, or the error it is. */
export function resolveAlias(expression: string, parsed: Extract<SetExpression, { kind: 'column' }>, defaultAlias: string, sourceAlias?: string): 'source' | 'target' {
  const alias = parsed.alias ?? defaultAlias;
  if (sourceAlias !== undefined && alias === sourceAlias) return 'source';
  if (alias === defaultAlias) return 'target';
  throw new LakeError('InvalidInput', `"${expression.trim()}": unknown alias "${alias}"`);
}

/** The value `expression` gives for one row (a row-at-a-time writer's form of the above). */
export function toSetValue(expression: string, row: Record<string, unknown>, defaultAlias: string, source?: { alias: string; row: Record<string, unknown> }): unknown {
  const parsed = parseSetExpression(expression);
  if (parsed.kind === 'invalid') throw parsed.error;
  if (parsed.kind === 'literal') return parsed.value;
  const side = resolveAlias(expression, parsed, defaultAlias, source?.alias);
  return (side === 'source' ? source?.row[parsed.column] : row[parsed.column]) ?? null;
}
