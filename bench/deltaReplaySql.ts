/**
 * Native DuckDB's replay of a generated large Delta log (largeTable.ts): the checkpoint's adds
 * and the JSON commits after it, the newest action per path, the active files with every add
 * field. The peer of Lakelab's snapshot load (in process) and of `lakelab files` (whole process).
 */
import { join } from 'node:path';
import { pad20, type LargeTableSpec } from './largeTable.ts';

export function toDeltaReplaySql(spec: Pick<LargeTableSpec, 'dir' | 'checkpointVersion' | 'commits'>): string {
  const log = join(spec.dir, '_delta_log');
  const commitFiles = Array.from({ length: spec.commits }, (_, i) => `'${join(log, `${pad20(spec.checkpointVersion + 1 + i)}.json`)}'`);
  return `
    WITH checkpoint AS (
      SELECT "add".path AS path, ${spec.checkpointVersion} AS version, true AS is_add, "add".partitionValues AS partition_values,
             "add".size AS size, "add".modificationTime AS modification_time, "add".dataChange AS data_change, "add".stats AS stats
      FROM read_parquet('${join(log, `${pad20(spec.checkpointVersion)}.checkpoint.parquet`)}') WHERE "add" IS NOT NULL),
    commits AS (
      SELECT * FROM read_ndjson([${commitFiles.join(',')}], filename = true,
        columns = {'add': 'STRUCT(path VARCHAR, partitionValues MAP(VARCHAR, VARCHAR), size BIGINT, modificationTime BIGINT, dataChange BOOLEAN, stats VARCHAR)',
                   'remove': 'STRUCT(path VARCHAR)', 'commitInfo': 'JSON'})),
    log_actions AS (
      SELECT coalesce("add".path, remove.path) AS path,
             CAST(regexp_extract(filename, '(\\d{20})\\.json$', 1) AS BIGINT) AS version,
             "add" IS NOT NULL AS is_add, "add".partitionValues, "add".size, "add".modificationTime, "add".dataChange, "add".stats
      FROM commits WHERE "add" IS NOT NULL OR remove IS NOT NULL),
    all_actions AS (SELECT * FROM checkpoint UNION ALL SELECT * FROM log_actions),
    newest AS (SELECT path, arg_max(all_actions, version) AS action FROM all_actions GROUP BY path)
    SELECT action.path, action.partition_values, action.size, action.modification_time, action.data_change, action.stats
    FROM newest WHERE action.is_add`;
}
