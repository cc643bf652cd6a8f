/** Source files for the writing commands, read from disk. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { LakeError } from '../core/errors.ts';
import type { DataType, StructType } from '../core/delta/schemaTypes.ts';
import { parseSchema } from '../core/delta/schema.ts';
import type { SourceData } from '../query/sourceRows.ts';

export async function loadSources(paths: string[], options: { withFilename?: boolean } = {}): Promise<SourceData> {
  if (paths.length === 0) throw new LakeError('InvalidInput', 'give the source rows with --source file.csv[,file2.parquet]');
  const files = await Promise.all(paths.map(async (path) => {
    try {
      return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
    } catch (error) {
      throw new LakeError('NotFound', `source file ${path} cannot be read (${(error as Error).message})`, { cause: error });
    }
  }));
  const { toSourcesRows } = await import('../query/sourceRows.ts');
  return toSourcesRows(files, options);
}

/** `--schema "id long, name string, amount decimal(10,2)"` or a Delta schema JSON. */
export function parseSchemaFlag(text: string): StructType {
  if (text.trim().startsWith('{')) return parseSchema(text);
  const fields = text.split(/,(?![^(]*\))/).map((part) => {
    const m = /^\s*(`[^`]+`|[\w]+)\s+([\w(), ]+?)(\s+not\s+null)?\s*$/i.exec(part);
    if (!m) throw new LakeError('InvalidInput', `--schema: cannot read "${part.trim()}"; write "name type", e.g. "id long, name string"`);
    return { name: (m[1] ?? '').replace(/`/g, ''), type: (m[2] ?? '').replace(/\s+/g, '').toLowerCase() as DataType, nullable: !m[3], metadata: {} };
  });
  return parseSchema(JSON.stringify({ type: 'struct', fields }));
}
