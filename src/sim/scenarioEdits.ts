/**
 * Edits of a scenario document as the page's editor makes them: writers and steps added,
 * removed, moved and changed. Pure functions over the JSON document (never mutated); the
 * result is validated by validateScenario, as an imported file is.
 */
import type { Step, WriterScript } from './scenario.ts';

export type ScenarioDocument = Record<string, unknown> & { writers: WriterDocument[] };
export type WriterDocument = Record<string, unknown> & { name: string; steps: Record<string, unknown>[] };

export const editableStepKinds = ['read', 'think', 'append', 'overwrite', 'delete', 'update', 'merge', 'setProperties', 'optimize'] as const;
export type EditableStepKind = (typeof editableStepKinds)[number];

/** The kind of a step document: its one key (txn and where are companions). */
export function stepKind(step: Record<string, unknown>): EditableStepKind | undefined {
  return editableStepKinds.find((kind) => kind in step);
}

function move<T>(items: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

const withWriters = (doc: ScenarioDocument, writers: WriterDocument[]): ScenarioDocument => ({ ...doc, writers });

/** A new writer with a name no other has, reading HEAD and appending the example row. */
export function addWriter(doc: ScenarioDocument): ScenarioDocument {
  const names = new Set(doc.writers.map((w) => w.name));
  let n = doc.writers.length + 1;
  while (names.has(`writer-${n}`)) n++;
  return withWriters(doc, [...doc.writers, { name: `writer-${n}`, steps: [{ read: 'HEAD' }, newStep(doc, 'append')] }]);
}

export function removeWriter(doc: ScenarioDocument, index: number): ScenarioDocument {
  return withWriters(doc, doc.writers.filter((_, i) => i !== index));
}

export function moveWriter(doc: ScenarioDocument, index: number, by: -1 | 1): ScenarioDocument {
  return withWriters(doc, move(doc.writers, index, by));
}

/** Replaces writer `index` with `change` applied to it (options, name, lease). */
export function changeWriter(doc: ScenarioDocument, index: number, change: (writer: WriterDocument) => WriterDocument): ScenarioDocument {
  return withWriters(doc, doc.writers.map((w, i) => (i === index ? change(w) : w)));
}

/** Sets or (with undefined) removes one option of a writer or of the scenario. */
export function setOption<T extends Record<string, unknown>>(target: T, key: string, value: unknown): T {
  const copy: Record<string, unknown> = { ...target };
  if (value === undefined || value === '') delete copy[key];
  else copy[key] = value;
  return copy as T;
}

export function addStep(doc: ScenarioDocument, writer: number, kind: EditableStepKind): ScenarioDocument {
  return changeWriter(doc, writer, (w) => ({ ...w, steps: [...w.steps, newStep(doc, kind)] }));
}

export function removeStep(doc: ScenarioDocument, writer: number, step: number): ScenarioDocument {
  return changeWriter(doc, writer, (w) => ({ ...w, steps: w.steps.filter((_, i) => i !== step) }));
}

export function moveStep(doc: ScenarioDocument, writer: number, step: number, by: -1 | 1): ScenarioDocument {
  return changeWriter(doc, writer, (w) => ({ ...w, steps: move(w.steps, step, by) }));
}

export function setStep(doc: ScenarioDocument, writer: number, step: number, value: Record<string, unknown>): ScenarioDocument {
  return changeWriter(doc, writer, (w) => ({ ...w, steps: w.steps.map((s, i) => (i === step ? value : s)) }));
}

/** A step of `kind` to start from, using the starting table's first column where it needs one. */
export function newStep(doc: ScenarioDocument, kind: EditableStepKind): Step & Record<string, unknown> {
  const column = firstColumn(doc);
  const row = exampleRow(doc);
  switch (kind) {
    case 'read': return { read: 'HEAD' };
    case 'think': return { think: 100 };
    case 'append': return { append: [row] };
    case 'overwrite': return { overwrite: [row] };
    case 'delete': return { delete: `${column} = ${literal(row[column])}` };
    case 'update': return { update: { set: { [column]: literal(row[column]) }, where: `${column} = ${literal(row[column])}` } };
    case 'merge': return { merge: { source: [row], on: `t.${column} = s.${column}`, clauses: ['whenMatchedUpdateAll', 'whenNotMatchedInsertAll'] } };
    case 'setProperties': return { setProperties: { 'delta.appendOnly': 'false' } };
    case 'optimize': return { optimize: true };
  }
}

interface SchemaField { name: string; type: unknown }

function fields(doc: ScenarioDocument): SchemaField[] {
  const table = doc.table as { schema?: { fields?: SchemaField[] } } | undefined;
  return Array.isArray(table?.schema?.fields) ? table.schema.fields : [];
}

function firstColumn(doc: ScenarioDocument): string {
  return fields(doc)[0]?.name ?? 'id';
}

/** A row for the starting table's columns: the table's first row when it has one, else a value per type. */
function exampleRow(doc: ScenarioDocument): Record<string, unknown> {
  const rows = (doc.table as { rows?: unknown[] } | undefined)?.rows;
  if (Array.isArray(rows) && rows[0] && typeof rows[0] === 'object') return { ...(rows[0] as Record<string, unknown>) };
  const list = fields(doc);
  if (list.length === 0) return { id: 1 };
  return Object.fromEntries(list.map((f) => [f.name, exampleValue(f.type)]));
}

function exampleValue(type: unknown): unknown {
  if (type === 'string') return 'a';
  if (type === 'boolean') return true;
  if (type === 'date') return '2026-01-01';
  if (type === 'timestamp' || type === 'timestamp_ntz') return '2026-01-01T00:00:00Z';
  return 1;
}

function literal(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${String(value ?? '').replace(/'/g, "''")}'`;
}

/** A validated scenario back to the document the editor changes (a deep copy as JSON). */
export function toScenarioDocument(scenario: { writers: WriterScript[] } & object): ScenarioDocument {
  return JSON.parse(JSON.stringify(scenario)) as ScenarioDocument;
}
