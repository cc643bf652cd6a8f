/**
 * The values an UPDATE or MERGE sets: a literal (number, 'text', true, false, null) or a
 * column, optionally with its alias (`s.value`, `t.id`).
 */
import { LakeError } from '../core/errors.ts';

export function toSetValue(expression: string, row: Record<string, unknown>, defaultAlias: string, source?: { alias: string; row: Record<string, unknown> }): unknown {
  const text = expression.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return /^-?\d+$/.test(text) && !Number.isSafeInteger(Number(text)) ? text : Number(text);
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (lower === 'null') return null;
  const m = /^(?:([A-Za-z_]\w*)\.)?([A-Za-z_]\w*|`[^`]+`)$/.exec(text);
  if (m) {
    const alias = m[1] ?? defaultAlias;
    const column = (m[2] ?? '').replace(/^`|`$/g, '');
    if (source && alias === source.alias) return source.row[column] ?? null;
    if (alias === defaultAlias) return row[column] ?? null;
    throw new LakeError('InvalidInput', `"${text}": unknown alias "${alias}"`);
  }
  throw new LakeError('InvalidInput', `"${text}": Lakelab sets literals or columns (like 'x', 42, s.value), not expressions`);
}
