/**
 * Versions named in the SQL box: `t@v3` (or `"t@v3"`) is the open table `t` at version 3, so two
 * versions compare in one query (`SELECT * FROM t@v7 EXCEPT SELECT * FROM t@v3`). DuckDB has no
 * such syntax: the names are rewritten to quoted identifiers, and each version is registered as a
 * table of that name. Strings, quoted names of other things and comments are left alone.
 */
export interface VersionedSql {
  sql: string;
  /** The versions named, each once, ascending. */
  versions: number[];
}

export const versionedName = (table: string, version: number) => `${table}@v${version}`;

export function toVersionedSql(sql: string, table: string): VersionedSql {
  const versions = new Set<number>();
  const bare = new RegExp(`^${escapeRegExp(table)}@v(\\d+)(?![A-Za-z0-9_])`, 'i');
  const quoted = new RegExp(`^"${escapeRegExp(table.replace(/"/g, '""'))}@v(\\d+)"`, 'i');
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const c = sql[i]!;
    const precededByWord = i > 0 && /[A-Za-z0-9_.]/.test(sql[i - 1]!);
    const match = !precededByWord ? (bare.exec(rest) ?? quoted.exec(rest)) : null;
    if (match) {
      const version = Number(match[1]);
      versions.add(version);
      out += `"${versionedName(table, version).replace(/"/g, '""')}"`;
      i += match[0].length;
    } else if (c === "'" || c === '"') {
      const end = closingQuote(sql, i, c);
      out += sql.slice(i, end);
      i = end;
    } else if (sql.startsWith('--', i)) {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      out += sql.slice(i, stop);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return { sql: out, versions: [...versions].sort((a, b) => a - b) };
}

function closingQuote(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return sql.length;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
