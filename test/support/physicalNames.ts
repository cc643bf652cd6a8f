/**
 * The `*-expected` rows of the shared fixtures map column mapping's physical names to logical
 * ones at the top level only: a struct's fields inside a column keep their physical names there
 * (delta-kernel-rs-expected/stats-writing-all-types). This renames them from the table's own
 * schemas (every `metaData.schemaString` in its JSON commits), read here without Lakelab code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function loadLogicalNames(tableDir: string): Map<string, string> {
  const names = new Map<string, string>();
  const log = join(tableDir, '_delta_log');
  if (!existsSync(log)) return names;
  for (const file of readdirSync(log).filter((f) => f.endsWith('.json') && !f.startsWith('.'))) {
    for (const line of readFileSync(join(log, file), 'utf8').split('\n')) {
      if (!line.includes('"metaData"')) continue;
      const action = JSON.parse(line) as { metaData?: { schemaString?: string } };
      if (action.metaData?.schemaString) collect(JSON.parse(action.metaData.schemaString) as Json, names);
    }
  }
  return names;
}

function collect(type: Json, names: Map<string, string>): void {
  if (type === null || typeof type !== 'object' || Array.isArray(type)) return;
  for (const field of (type.fields ?? []) as { name: string; type: Json; metadata?: Record<string, Json> }[]) {
    const physical = field.metadata?.['delta.columnMapping.physicalName'];
    if (typeof physical === 'string' && physical !== field.name) names.set(physical, field.name);
    collect(field.type, names);
  }
  collect(type.elementType ?? null, names);
  collect(type.keyType ?? null, names);
  collect(type.valueType ?? null, names);
}

/** A value with every object key that is a physical name renamed to its logical name. */
export function toLogicalNames(value: unknown, names: Map<string, string>): unknown {
  if (names.size === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => toLogicalNames(v, names));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [names.get(k) ?? k, toLogicalNames(v, names)]));
}
