/**
 * What copy-on-write operations (DELETE, UPDATE, MERGE) share: the files they read, and
 * turning "this file was rewritten into these" into remove and add actions.
 */
import type { Action, Add } from '../actions.ts';
import type { DeltaSnapshot } from '../snapshot.ts';
import type { DataType } from '../schemaTypes.ts';
import { canSkipFile } from '../fileSkipping.ts';
import type { Predicate } from '../predicate.ts';
import { parseStats } from '../stats.ts';

export interface FileRewrite {
  removed: Add;
  added: Add[];
}

/** The read snapshot's files a predicate may match (all files without a predicate). */
export function filesToRead(snapshot: DeltaSnapshot, predicate: Predicate | undefined): Add[] {
  if (!predicate) return [...snapshot.files];
  const types = new Map<string, DataType>(snapshot.schema.fields.map((f) => [f.name, f.type]));
  const partitionColumns = snapshot.metadata.partitionColumns;
  return snapshot.files.filter((file) => !canSkipFile(predicate, {
    partitionValues: new Map(partitionColumns.map((c) => [c, file.partitionValues[c] ?? null])),
    stats: parseStats(file),
    statsKeyOf: (c) => c,
    typeOf: (c) => types.get(c) ?? 'string',
  }));
}

export function toRewriteActions(rewrites: readonly FileRewrite[], extraAdds: readonly Add[], now: number): Action[] {
  const actions: Action[] = [];
  for (const { removed } of rewrites) {
    actions.push({
      remove: {
        path: removed.path, deletionTimestamp: now, dataChange: true, extendedFileMetadata: true,
        partitionValues: removed.partitionValues, size: removed.size, deletionVector: removed.deletionVector ?? null,
      },
    });
  }
  for (const { added } of rewrites) for (const add of added) actions.push({ add });
  for (const add of extraAdds) actions.push({ add });
  return actions;
}
