/**
 * The seed scenario's data (shared/notes/seed-scenario.md): CSV batches of 20 rows (id, value),
 * each ingested with the batch file's name; and the DuckDB step as plain code: the rows of
 * batches B has not seen at version vB.
 */
import type { StructType } from '../src/core/delta/schemaTypes.ts';
import { parseCsv } from '../src/query/csvRows.ts';

export const seedSchema: StructType = { type: 'struct', fields: [
  { name: 'id', type: 'long', nullable: true, metadata: {} },
  { name: 'value', type: 'double', nullable: true, metadata: {} },
  { name: 'filename', type: 'string', nullable: true, metadata: {} },
] };

export function batchCsv(batch: number): { name: string; text: string } {
  const lines = ['id,value'];
  for (let i = 0; i < 20; i++) lines.push(`${(batch - 1) * 20 + i + 1},${(batch * 1.5 + i).toFixed(2)}`);
  return { name: `batch_${String(batch).padStart(3, '0')}.csv`, text: `${lines.join('\n')}\n` };
}

/** read_csv_auto('source_csv/*.csv', filename=true), with parse_filename applied. */
export function readBatches(batches: number[]): Record<string, unknown>[] {
  return batches.flatMap((b) => {
    const { name, text } = batchCsv(b);
    return parseCsv(text, name).map((row) => ({ ...row, filename: name }));
  });
}

/** ... WHERE filename NOT IN (SELECT DISTINCT filename FROM tgt AT VERSION vB) */
export function rowsNotYetIn(source: Record<string, unknown>[], target: Record<string, unknown>[]): Record<string, unknown>[] {
  const seen = new Set(target.map((r) => r.filename));
  return source.filter((r) => !seen.has(r.filename));
}
