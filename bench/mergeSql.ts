/** The upsert native DuckDB runs in the merge bench: the same result as the MERGE, written as one Parquet file. */
export function upsertSql(targetFiles: readonly string[], sourcePath: string, outFile: string): string {
  const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;
  return `COPY (
      SELECT coalesce(s.id, t.id) AS id, CASE WHEN s.id IS NOT NULL THEN s.name ELSE t.name END AS name,
             CASE WHEN s.id IS NOT NULL THEN s.amount ELSE t.amount END AS amount
      FROM read_parquet([${targetFiles.map(quote).join(',')}]) t FULL OUTER JOIN read_parquet(${quote(sourcePath)}) s ON t.id = s.id
    ) TO ${quote(outFile)} (FORMAT parquet, COMPRESSION snappy)`;
}
