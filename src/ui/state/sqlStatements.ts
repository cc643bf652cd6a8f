/**
 * Which statements of a SQL text only read, in DuckDB's dialect. The page's SQL box runs
 * queries over the table registered at a version; a statement that could change that table
 * (DROP, ALTER, DELETE, INSERT, UPDATE, a CTE ending in one of them, SET, ATTACH ...) is refused
 * before it runs. A statement that begins with neither kind of word is DuckDB's to reject: its
 * grammar has no other statements (https://duckdb.org/docs/stable/sql/statements/overview).
 */

/** Statements that read, by their first word. EXPLAIN and WITH are looked into. */
const reading = new Set(['SELECT', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SUMMARIZE', 'SHOW', 'PIVOT', 'UNPIVOT']);
/** Every other statement DuckDB has: each changes the database, the session or the catalog. */
const changing = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'COPY', 'ATTACH', 'DETACH', 'USE', 'SET', 'RESET',
  'PRAGMA', 'CALL', 'LOAD', 'INSTALL', 'FORCE', 'EXPORT', 'IMPORT', 'CHECKPOINT', 'VACUUM', 'ANALYZE', 'ANALYSE', 'COMMENT',
  'PREPARE', 'EXECUTE', 'DEALLOCATE', 'BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT',
]);
/** The words that begin the statement a WITH clause leads to. */
const afterWith = new Set([...reading, 'INSERT', 'UPDATE', 'DELETE', 'MERGE']);

interface Token {
  word?: string;
  symbol?: string;
  depth: number;
  offset: number;
}

/** The first word of a statement that is not a query, with its offset in `sql`; undefined when every statement reads. */
export function checkQueryOnly(sql: string): { keyword: string; offset: number } | undefined {
  for (const statement of toStatements(sql)) {
    const problem = checkStatement(statement);
    if (problem) return { keyword: problem.word ?? '', offset: problem.offset };
  }
  return undefined;
}

function checkStatement(tokens: Token[]): Token | undefined {
  const first = tokens[0];
  if (!first || first.symbol === '(' || !first.word) return undefined; // a parenthesised query, or DuckDB's parse error
  if (first.word === 'EXPLAIN') {
    const rest = tokens.slice(tokens[1]?.word === 'ANALYZE' || tokens[1]?.word === 'ANALYSE' ? 2 : 1);
    return checkStatement(rest);
  }
  if (first.word === 'WITH') {
    const main = tokens.slice(1).find((t) => t.depth === first.depth && t.word !== undefined && afterWith.has(t.word));
    return main && !reading.has(main.word ?? '') ? main : undefined;
  }
  return changing.has(first.word) ? first : undefined;
}

/** The tokens that matter here (words, parentheses), statement by statement; strings, quoted names and comments skipped. */
function toStatements(sql: string): Token[][] {
  const statements: Token[][] = [[]];
  let depth = 0;
  let i = 0;
  const current = () => statements[statements.length - 1]!;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) i++;
    else if (sql.startsWith('--', i)) i = endOf(sql, '\n', i + 2);
    else if (sql.startsWith('/*', i)) i = endOf(sql, '*/', i + 2);
    else if (c === "'" || c === '"') i = endOfQuoted(sql, c, i + 1, /[eE]/.test(sql[i - 1] ?? '') && c === "'");
    else if (c === '$' && /^\$[A-Za-z_]*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i))![0];
      i = endOf(sql, tag, i + tag.length);
    } else if (c === ';' && depth === 0) {
      statements.push([]);
      i++;
    } else if (c === '(' || c === ')') {
      if (c === ')') depth = Math.max(0, depth - 1);
      current().push({ symbol: c, depth, offset: i });
      if (c === '(') depth++;
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i))![0];
      current().push({ word: word.toUpperCase(), depth, offset: i });
      i += word.length;
    } else i++;
  }
  return statements.filter((s) => s.length > 0);
}

function endOf(sql: string, end: string, from: number): number {
  const at = sql.indexOf(end, from);
  return at < 0 ? sql.length : at + end.length;
}

/** After a quoted string or name: a doubled quote is one quote; in E'...' a backslash escapes too. */
function endOfQuoted(sql: string, quote: string, from: number, backslashes: boolean): number {
  let i = from;
  while (i < sql.length) {
    if (backslashes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}
