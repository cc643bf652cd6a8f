/**
 * DuckDB's errors as a person needs them: the message, and where in the query it points.
 * DuckDB appends the query's line with a caret under the position ("LINE 1: SELEC 1" then
 * "        ^"), cut to about 80 columns with "..." and measured in display columns; that copy is
 * taken out of the message and turned back into a line and a column of the query itself.
 */

export interface SqlPosition {
  /** 0-based line of the query, and 0-based column in that line (UTF-16 code units). */
  line: number;
  column: number;
}

export interface SqlProblem {
  message: string;
  position?: SqlPosition;
}

const lineBlock = /\n\nLINE (\d+): ([^\n]*)\n( *)\^/;

export function toSqlProblem(rawMessage: string, sql: string): SqlProblem {
  // The engine wrappers add "SQL: " in front and "  in: <query>" after.
  let message = rawMessage.replace(/^SQL: /, '');
  const echoed = message.indexOf('\n  in: ');
  if (echoed >= 0) message = message.slice(0, echoed);
  const lines = sql.split('\n');
  const block = lineBlock.exec(message);
  if (block) {
    const text = message.replace(lineBlock, '').trim();
    const line = Number(block[1]) - 1;
    const position = toPosition(lines[line] ?? '', line, block[2] ?? '', (block[3] ?? '').length - `LINE ${block[1]}: `.length);
    return { message: text, position };
  }
  if (/at end of input/.test(message)) {
    const line = Math.max(0, lines.length - 1);
    return { message: message.trim(), position: { line, column: (lines[line] ?? '').length } };
  }
  return { message: message.trim() };
}

/** The column the caret points at, from the excerpt DuckDB printed of `queryLine` and the caret's display column in it. */
function toPosition(queryLine: string, line: number, excerpt: string, caret: number): SqlPosition | undefined {
  const truncatedStart = excerpt.startsWith('...');
  const shown = excerpt.replace(/^\.\.\./, '').replace(/\.\.\.$/, '');
  const start = truncatedStart ? queryLine.indexOf(shown) : 0;
  if (start < 0) return undefined;
  let width = caret - (truncatedStart ? 3 : 0);
  let column = start;
  for (const char of queryLine.slice(start)) {
    if (width <= 0) break;
    width -= displayWidth(char);
    column += char.length;
  }
  return { line, column };
}

/** Display columns of a character as DuckDB counts them: 2 for wide (East Asian, emoji), else 1. */
function displayWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1;
}
